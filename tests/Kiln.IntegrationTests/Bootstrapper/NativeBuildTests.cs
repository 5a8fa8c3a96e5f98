namespace Kiln.IntegrationTests.Bootstrapper;

/// <summary>
/// A build that sets PublishAot in build/_build.csproj: build.sh compiles it to native code where a C toolchain links
/// it, and the build then starts without the dotnet host and runs as the ReadyToRun build does; where no toolchain is
/// found, ReadyToRun serves, with a notice.
/// </summary>
public sealed class NativeBuildTests : IDisposable
{
    /// <summary>A native compile of the sample from scratch takes a minute or two on a busy two-core machine.</summary>
    private static readonly TimeSpan CompileTimeout = TimeSpan.FromMinutes(8);

    private readonly string root = Path.Combine(Path.GetTempPath(), "kiln-native-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose() => ScratchFolder.Delete(root);

    [Fact]
    public async Task A_build_that_sets_PublishAot_runs_as_native_code_where_a_C_toolchain_links_it_else_as_ReadyToRun()
    {
        await CreateSampleAsync();

        var help = await BuildProcess.RunAsync(root, ["--help"], timeout: CompileTimeout);

        help.AssertExitCode(0);
        Assert.Contains(help.StandardOutput, line => line.StartsWith("  --flavor <Flavor>", StringComparison.Ordinal));
        var output = Path.Combine(root, ".nuke", "temp", "bootstrap", "bin", "_build", "debug");
        if (!HasCToolchain())
        {
            Assert.Contains(help.StandardError, line => line.StartsWith("build.sh: build/ sets PublishAot, but compiling it to native code failed", StringComparison.Ordinal));
            Assert.True(File.Exists(Path.Combine(output, "_build.dll")), "ReadyToRun should have served.");
            return;
        }

        Assert.DoesNotContain(help.StandardError, line => line.Contains("native code failed", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(root, ".nuke", "temp", "build.native")), "build.sh should have recorded a native build.");
        // Native code only: the executable holds the engine, the build and the runtime; no assembly is loaded beside it.
        Assert.True(File.Exists(Path.Combine(output, "_build")));
        Assert.Empty(Directory.GetFiles(output, "*.dll"));

        // Parameters bind (an enum into a readonly field, a secret), targets run, secrets are masked, as with ReadyToRun.
        var hello = await BuildProcess.RunAsync(root, ["Hello", "--flavor", "Chocolate"]);
        hello.AssertExitCode(0);
        Assert.Contains(hello.Lines, line => line.Contains("Hello ran: Chocolate greetings from TinyBuild.", StringComparison.Ordinal));
        var publish = await BuildProcess.RunAsync(root, ["Publish", "--api-key", "native-key-4711"]);
        publish.AssertExitCode(0);
        Assert.Contains(publish.Lines, line => line.Contains("tool saw key ***", StringComparison.Ordinal));
        Assert.DoesNotContain("native-key-4711", publish.Output, StringComparison.Ordinal);

        // Bad input still ends with one line and exit code 2.
        var unknown = await BuildProcess.RunAsync(root, ["Helo"]);
        Assert.Equal(2, unknown.ExitCode);
    }

    private static bool HasCToolchain() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, "clang")) || File.Exists(Path.Combine(folder, "gcc")));

    /// <summary>TinyBuild with PublishAot, and the build members generator as the Kiln package brings it.</summary>
    private Task CreateSampleAsync() =>
        TinyBuildFixture.CopySampleAsync(root, project => project
            .Replace("<OutputType>Exe</OutputType>", "<OutputType>Exe</OutputType>\n    <PublishAot>true</PublishAot>", StringComparison.Ordinal)
            .Replace("</ItemGroup>", "  <Analyzer Include=\"$(KilnAssemblies)Kiln.BuildMembersGenerator.dll\" />\n  </ItemGroup>", StringComparison.Ordinal));
}
