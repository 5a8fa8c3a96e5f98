using System.Diagnostics;
using System.Globalization;

namespace Kiln.IntegrationTests.Bootstrapper;

/// <summary>
/// A build that sets PublishAot in build/_build.csproj: build.sh compiles it ReadyToRun as any build, then to native
/// code in the background where a C toolchain links it, and the first start after that compile runs native code, with
/// parameters, secrets and exit codes as ReadyToRun has them. KILN_NATIVE=wait compiles native code before the run,
/// off keeps ReadyToRun. The sample references the engine alone: a native compile of every Kiln package takes three
/// times as long.
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
                .Executes(() => Log.Information($"Hello ran: {Flavor} greetings from {Environment.ProcessPath}."));

            Target Publish => _ => _
                .Requires(() => ApiKey)
                .Executes(() => ProcessRunner.RunAsync(new ToolCommand("sh", ["-c", "echo \"tool saw key $KEY\""])
                {
                    Environment = new Dictionary<string, string?> { ["KEY"] = ApiKey },
                }));
        }
        """;

    private readonly string root = Path.Combine(Path.GetTempPath(), "kiln-native-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        // A test that failed half-way may leave a background compile running: stop its process group first.
        var pidFile = Path.Combine(root, ".nuke", "temp", "native", "compiling.pid");
        if (File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), CultureInfo.InvariantCulture, out var pid))
        {
            using var kill = Process.Start("kill", ["--", $"-{pid}"]);
            kill.WaitForExit();
        }

        ScratchFolder.Delete(root);
    }

    [Fact]
    public async Task A_build_that_sets_PublishAot_runs_ReadyToRun_until_its_native_compile_in_the_background_is_done_then_native_code()
    {
        Directory.CreateDirectory(Path.Combine(root, "build"));
        Directory.CreateDirectory(Path.Combine(root, ".nuke"));
        await File.WriteAllTextAsync(Path.Combine(root, "build", "_build.csproj"), Project);
        await File.WriteAllTextAsync(Path.Combine(root, "build", "Build.cs"), Build);
        CheckoutBootstrapper.CopyTo(root);
        await CompiledKiln.WriteDirectoryBuildPropsAsync(root);
        var native = Path.Combine(root, ".nuke", "temp", "native");

        // The compile: ReadyToRun serves this run, and the native compile goes on in the background.
        var first = await BuildProcess.RunAsync(root, ["Hello", "--flavor", "Chocolate"], timeout: CompileTimeout);
        first.AssertExitCode(0);
        Assert.Contains(first.Lines, line => line.Contains("Hello ran: Chocolate greetings from ", StringComparison.Ordinal) && !line.Contains(native, StringComparison.Ordinal));
        Assert.Contains(first.StandardError, line => line.StartsWith("build.sh: compiling build/ to native code in the background", StringComparison.Ordinal));
        var background = int.Parse((await File.ReadAllLinesAsync(Path.Combine(native, "compiling.pid")))[0], CultureInfo.InvariantCulture);

        // Where no C toolchain links native code, one line says so and ReadyToRun serves; asked to wait, every time.
        var noToolchain = new Dictionary<string, string?> { ["KILN_NATIVE"] = "wait", ["PATH"] = PathWithoutCToolchain() };
        foreach (var attempt in new[] { 1, 2 })
        {
            var withoutToolchain = await BuildProcess.RunAsync(root, ["Hello"], noToolchain);
            withoutToolchain.AssertExitCode(0);
            Assert.True(
                withoutToolchain.StandardError.Any(line => line.StartsWith("build.sh: build/ sets PublishAot, but it was not compiled to native code: no C toolchain (clang or gcc)", StringComparison.Ordinal)),
                $"Run {attempt} without a C toolchain did not say why it is not native.");
            Assert.Contains(withoutToolchain.Lines, line => line.Contains("Hello ran: Vanilla greetings from ", StringComparison.Ordinal) && !line.Contains(native, StringComparison.Ordinal));
        }
        if (!HasCToolchain())
        {
            return;
        }

        // KILN_NATIVE=wait: the background compile stops, and native code is compiled before the run, which it serves.
        var waited = await BuildProcess.RunAsync(root, ["Hello", "--flavor", "Chocolate"], new Dictionary<string, string?> { ["KILN_NATIVE"] = "wait" }, CompileTimeout);
        waited.AssertExitCode(0);
        Assert.Contains(waited.StandardError, line => line == "build.sh: compiling build/ to native code (KILN_NATIVE=wait)");
        Assert.Contains(waited.Lines, line => line.Contains($"Hello ran: Chocolate greetings from {native}/", StringComparison.Ordinal));
        Assert.True(await HasEndedAsync(background), "The background compile should have been stopped.");
        // The executable alone is kept: no assembly is loaded beside it.
        var executable = Assert.Single(Directory.GetFiles(native, "*", SearchOption.AllDirectories), file => !file.Contains("artifacts", StringComparison.Ordinal) && Path.GetFileName(file) == "_build");
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(executable)!));

        // Later runs are native: a secret parameter is masked; bad input ends with one line and exit code 2.
        var publish = await BuildProcess.RunAsync(root, ["Publish", "--api-key", "native-key-4711"]);
        publish.AssertExitCode(0);
        Assert.Contains(publish.Lines, line => line.Contains("tool saw key ***", StringComparison.Ordinal));
        Assert.DoesNotContain("native-key-4711", publish.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(publish.StandardError, line => line.StartsWith("build.sh:", StringComparison.Ordinal));
        var unknown = await BuildProcess.RunAsync(root, ["Helo"]);
        Assert.Equal(2, unknown.ExitCode);

        // KILN_NATIVE=off runs ReadyToRun; a value build.sh does not know fails with one line.
        var off = await BuildProcess.RunAsync(root, ["Hello"], new Dictionary<string, string?> { ["KILN_NATIVE"] = "off" });
        off.AssertExitCode(0);
        Assert.Contains(off.Lines, line => line.Contains("Hello ran: Vanilla greetings from ", StringComparison.Ordinal) && !line.Contains(native, StringComparison.Ordinal));
        var bogus = await BuildProcess.RunAsync(root, ["Hello"], new Dictionary<string, string?> { ["KILN_NATIVE"] = "always" });
        Assert.Equal(1, bogus.ExitCode);
        Assert.Equal(["build.sh: KILN_NATIVE is 'always', which build.sh does not know: set it to background (the default), wait or off"], bogus.StandardError);

        // A compile's process id left behind (a restart ended it) may name another process since, even one that leads
        // its process group: the next compile must not stop that one.
        using var unrelated = Process.Start(new ProcessStartInfo("setsid", ["sleep", "120"])) ?? throw new InvalidOperationException("setsid did not start.");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(native, "compiling.pid"), $"{unrelated.Id}\n12345\n");
            await File.AppendAllTextAsync(Path.Combine(root, "build", "Build.cs"), "// changed\n");
            var recompiled = await BuildProcess.RunAsync(root, ["Hello"], new Dictionary<string, string?> { ["KILN_NATIVE"] = "off" }, CompileTimeout);
            recompiled.AssertExitCode(0);
            Assert.Contains("build.sh: compiling build/ (its inputs changed)", recompiled.StandardError);
            Assert.False(unrelated.HasExited, "build.sh stopped a process that was not its compile.");
        }
        finally
        {
            unrelated.Kill();
        }
    }

    private static bool HasCToolchain() =>
        SearchPath().Any(folder => File.Exists(Path.Combine(folder, "clang")) || File.Exists(Path.Combine(folder, "gcc")));

    private static string[] SearchPath() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A folder of links to every program on PATH but clang and gcc.</summary>
    private string PathWithoutCToolchain()
    {
        var folder = Path.Combine(root, "path-without-cc");
        Directory.CreateDirectory(folder);
        foreach (var program in SearchPath().Where(Directory.Exists).SelectMany(Directory.GetFiles))
        {
            var name = Path.GetFileName(program);
            if (name is not ("clang" or "gcc") && !File.Exists(Path.Combine(folder, name)))
            {
                File.CreateSymbolicLink(Path.Combine(folder, name), program);
            }
        }

        return folder;
    }

    /// <summary>Whether the process has ended, or does within a few seconds (it was sent SIGTERM).</summary>
    private static async Task<bool> HasEndedAsync(int processId)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            try
            {
                using var process = Process.GetProcessById(processId);
                if (process.HasExited)
                {
                    return true;
                }
            }
            catch (ArgumentException)
            {
                return true;
            }

            await Task.Delay(200);
        }

        return false;
    }
}
