namespace Kiln.IntegrationTests.Bootstrapper;

/// <summary>
/// A build that sets PublishAot in build/_build.csproj: build.sh compiles it to native code where a C toolchain links
/// it, and the build then starts without the dotnet host and runs as the ReadyToRun build does; where no toolchain is
/// found, ReadyToRun serves, with a notice. The sample references the engine alone: a native compile of every Kiln
/// package takes three times as long.
/// </summary>
public sealed class NativeBuildTests : IDisposable
{
    private static readonly TimeSpan CompileTimeout = TimeSpan.FromMinutes(5);

    private const string Project = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
            <NoWarn>$(NoWarn);CS0649</NoWarn>
            <PublishAot>true</PublishAot>
          </PropertyGroup>
          <ItemGroup>
            <Reference Include="$(KilnAssemblies)Kiln.dll" />
            <!-- The Kiln package's analyzer, which a package reference brings. -->
            <Analyzer Include="$(KilnAssemblies)Kiln.BuildMembersGenerator.dll" />
          </ItemGroup>
        </Project>
        """;

    private const string Build = """
        using Kiln;
        using Kiln.Tooling;

        enum Flavor { Vanilla, Chocolate }

        class Build : KilnBuild
        {
            public static int Main() => Execute<Build>(x => x.Hello);

            [Parameter("The flavor to greet with.")]
            readonly Flavor Flavor = Flavor.Vanilla;

            [Parameter("Key of the feed."), Secret]
            readonly string? ApiKey;

            Target Hello => _ => _
                .Description("Greets.")
                .Executes(() => Log.Information($"Hello ran: {Flavor} greetings."));

            Target Publish => _ => _
                .Requires(() => ApiKey)
                .Executes(() => ProcessRunner.RunAsync(new ToolCommand("sh", ["-c", "echo \"tool saw key $KEY\""])
                {
                    Environment = new Dictionary<string, string?> { ["KEY"] = ApiKey },
                }));
        }
        """;

    private readonly string root = Path.Combine(Path.GetTempPath(), "kiln-native-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose() => ScratchFolder.Delete(root);

    [Fact]
    public async Task A_build_that_sets_PublishAot_runs_as_native_code_where_a_C_toolchain_links_it_else_as_ReadyToRun()
    {
        Directory.CreateDirectory(Path.Combine(root, "build"));
        Directory.CreateDirectory(Path.Combine(root, ".nuke"));
        await File.WriteAllTextAsync(Path.Combine(root, "build", "_build.csproj"), Project);
        await File.WriteAllTextAsync(Path.Combine(root, "build", "Build.cs"), Build);
        CheckoutBootstrapper.CopyTo(root);
        await CompiledKiln.WriteDirectoryBuildPropsAsync(root);

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
        Assert.Contains(hello.Lines, line => line.Contains("Hello ran: Chocolate greetings.", StringComparison.Ordinal));
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
}
