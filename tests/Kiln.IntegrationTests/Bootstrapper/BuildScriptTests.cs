using System.Reflection.PortableExecutable;

namespace Kiln.IntegrationTests.Bootstrapper;

[Collection(TinyBuildRuns.Name)]
public sealed class BuildScriptTests(TinyBuildFixture sample)
{
    private const string CompilingMessage = "build.sh: compiling build/ (its inputs changed)";

    [Fact]
    public void First_run_compiles_the_build_and_runs_it_with_the_arguments()
    {
        var run = sample.FirstRun;

        run.AssertExitCode(0);
        Assert.Single(run.StandardError, line => line == CompilingMessage);
        Assert.True(File.Exists(sample.BootstrapLog), $"{sample.BootstrapLog} should hold the compiler's output.");
        Assert.Contains(run.StandardOutput, line => line.StartsWith("Usage: ./build.sh", StringComparison.Ordinal));
        Assert.Contains(run.StandardOutput, line => line.StartsWith("  Hello *", StringComparison.Ordinal));
        Assert.Contains(run.StandardOutput, line => line.StartsWith("  --flavor <Flavor>", StringComparison.Ordinal));
        Assert.Contains(run.StandardOutput, line => line.Contains("allowed: Vanilla, Chocolate", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_with_unchanged_inputs_does_not_compile_again()
    {
        await EnsureCompiledAsync();
        var logWritten = File.GetLastWriteTimeUtc(sample.BootstrapLog);
        var buildWritten = File.GetLastWriteTimeUtc(sample.CompiledBuild);

        var run = await sample.RunAsync("Hello");

        run.AssertExitCode(0);
        Assert.DoesNotContain(run.StandardError, line => line.Contains("compiling", StringComparison.Ordinal));
        Assert.Equal(logWritten, File.GetLastWriteTimeUtc(sample.BootstrapLog));
        Assert.Equal(buildWritten, File.GetLastWriteTimeUtc(sample.CompiledBuild));
        Assert.Contains("Hello ran: Vanilla greetings from TinyBuild.", run.StandardOutput);
    }

    [Fact]
    public async Task Changed_build_source_is_compiled_once_then_reused()
    {
        await EnsureCompiledAsync();
        var logWritten = File.GetLastWriteTimeUtc(sample.BootstrapLog);
        await File.AppendAllTextAsync(sample.BuildSource, $"// Changed by the integration tests: {Guid.NewGuid():N}{Environment.NewLine}");

        var changed = await sample.RunAsync("Hello");
        var logRewritten = File.GetLastWriteTimeUtc(sample.BootstrapLog);
        var unchanged = await sample.RunAsync("Hello");

        changed.AssertExitCode(0);
        Assert.Single(changed.StandardError, line => line == CompilingMessage);
        Assert.NotEqual(logWritten, logRewritten);
        Assert.Contains("Hello ran: Vanilla greetings from TinyBuild.", changed.StandardOutput);
        unchanged.AssertExitCode(0);
        Assert.DoesNotContain(unchanged.StandardError, line => line.Contains("compiling", StringComparison.Ordinal));
        Assert.Equal(logRewritten, File.GetLastWriteTimeUtc(sample.BootstrapLog));
    }

    [Fact]
    public async Task Compiling_the_build_again_deletes_the_multicore_jit_profiles_of_the_build_before()
    {
        await EnsureCompiledAsync();
        // A profile of another kind than the run's: only the compile can have deleted it.
        var profile = Path.Combine(Path.GetDirectoryName(sample.CompiledBuild)!, "kiln-plan.jitprofile");
        await File.WriteAllTextAsync(profile, "recorded by the build before");
        await File.AppendAllTextAsync(sample.BuildSource, $"// Changed by the integration tests: {Guid.NewGuid():N}{Environment.NewLine}");

        var run = await sample.RunAsync("Hello");

        run.AssertExitCode(0);
        Assert.Single(run.StandardError, line => line == CompilingMessage);
        Assert.False(File.Exists(profile), "The profile recorded against the build before the compile is still there.");
    }

    [Fact]
    public async Task A_source_written_again_unchanged_is_not_compiled_again_and_a_new_source_is()
    {
        await EnsureCompiledAsync();
        var buildWritten = File.GetLastWriteTimeUtc(sample.CompiledBuild);
        File.SetLastWriteTimeUtc(sample.BuildSource, DateTime.UtcNow);

        var touched = await sample.RunAsync("Hello");
        var buildAfterTouch = File.GetLastWriteTimeUtc(sample.CompiledBuild);
        var added = Path.Combine(sample.Root, "build", "Added.cs");
        await File.WriteAllTextAsync(added, "// Added by the integration tests." + Environment.NewLine);
        BuildRun withNewSource;
        try
        {
            withNewSource = await sample.RunAsync("Hello");
        }
        finally
        {
            File.Delete(added);
        }

        touched.AssertExitCode(0);
        Assert.DoesNotContain(touched.StandardError, line => line.Contains("compiling", StringComparison.Ordinal));
        Assert.Equal(buildWritten, buildAfterTouch);
        withNewSource.AssertExitCode(0);
        Assert.Single(withNewSource.StandardError, line => line == CompilingMessage);
    }

    [Fact]
    public async Task The_build_is_compiled_ahead_of_time_for_this_machine()
    {
        await EnsureCompiledAsync();

        using var reader = new PEReader(File.OpenRead(sample.CompiledBuild));

        // A ReadyToRun image carries native code next to its IL: the CLI header points at a managed native header.
        Assert.True(reader.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, $"{sample.CompiledBuild} holds IL only: build.sh did not compile it ReadyToRun.");
        Assert.False(File.Exists(Path.Combine(sample.Root, ".nuke", "temp", "bootstrap-ready-to-run.log")), "build.sh fell back to a plain build.");
    }

    [Fact]
    public async Task Installing_or_removing_an_sdk_compiles_the_build_again()
    {
        await EnsureCompiledAsync();
        // Outside build/ and src/, so the bootstrapper's hash does not see it; deleted with the sample.
        var folder = Directory.CreateDirectory(Path.Combine(sample.Root, "another-sdk")).FullName;
        var dotnet = Path.Combine(folder, "dotnet");
        // A dotnet on PATH that reports one more SDK and otherwise is the real one.
        await File.WriteAllTextAsync(dotnet, $"""
            #!/usr/bin/env bash
            if [ "$1" = "--list-sdks" ]; then "{RealDotnet()}" --list-sdks; echo "99.0.100 [/opt/kiln-test/sdk]"; exit 0; fi
            exec "{RealDotnet()}" "$@"

            """);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dotnet, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var installed = await sample.RunAsync(new Dictionary<string, string?> { ["PATH"] = $"{folder}:{Environment.GetEnvironmentVariable("PATH")}" }, "Hello");
        var removed = await sample.RunAsync("Hello");

        installed.AssertExitCode(0);
        Assert.Single(installed.StandardError, line => line == CompilingMessage);
        removed.AssertExitCode(0);
        Assert.Single(removed.StandardError, line => line == CompilingMessage);
    }

    [Fact]
    public async Task An_sdk_installed_beside_the_same_dotnet_compiles_the_build_again()
    {
        await EnsureCompiledAsync();
        // A dotnet of its own with an SDK folder: the warm check looks at that folder, not at a listing of the SDKs.
        var folder = Directory.CreateDirectory(Path.Combine(sample.Root, "own-dotnet")).FullName;
        var sdkFolder = Directory.CreateDirectory(Path.Combine(folder, "sdk")).FullName;
        var listing = Path.Combine(folder, "sdks.txt");
        var dotnet = Path.Combine(folder, "dotnet");
        await File.WriteAllTextAsync(listing, $"10.0.100 [{sdkFolder}]\n");
        await File.WriteAllTextAsync(dotnet, $"""
            #!/usr/bin/env bash
            if [ "$1" = "--list-sdks" ]; then cat "{listing}"; exit 0; fi
            exec "{RealDotnet()}" "$@"

            """);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dotnet, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var environment = new Dictionary<string, string?> { ["PATH"] = $"{folder}:{Environment.GetEnvironmentVariable("PATH")}" };
        (await sample.RunAsync(environment, "Hello")).AssertExitCode(0);
        var unchanged = await sample.RunAsync(environment, "Hello");
        Directory.CreateDirectory(Path.Combine(sdkFolder, "99.0.100"));
        await File.AppendAllTextAsync(listing, $"99.0.100 [{sdkFolder}]\n");
        var installed = await sample.RunAsync(environment, "Hello");
        var back = await sample.RunAsync("Hello");

        unchanged.AssertExitCode(0);
        Assert.DoesNotContain(unchanged.StandardError, line => line == CompilingMessage);
        installed.AssertExitCode(0);
        Assert.Single(installed.StandardError, line => line == CompilingMessage);
        back.AssertExitCode(0);
    }

    [Fact]
    public async Task A_pin_no_installed_sdk_satisfies_stops_before_compiling_and_names_the_sdk_to_install()
    {
        await EnsureCompiledAsync();
        var globalJson = Path.Combine(sample.Root, "global.json");
        var original = await File.ReadAllTextAsync(globalJson);
        BuildRun run;
        try
        {
            await File.WriteAllTextAsync(globalJson, """{ "sdk": { "version": "99.0.100", "rollForward": "disable" } }""");
            run = await sample.RunAsync("Hello");
        }
        finally
        {
            await File.WriteAllTextAsync(globalJson, original);
        }

        run.AssertExitCode(1);
        var error = Assert.Single(run.StandardError);
        Assert.StartsWith("build.sh: global.json pins .NET SDK 99.0.100 (rollForward disable), which is not installed (installed: ", error, StringComparison.Ordinal);
        Assert.EndsWith("Install it from https://dotnet.microsoft.com/download/dotnet", error, StringComparison.Ordinal);
        Assert.Empty(run.StandardOutput);
    }

    private static string RealDotnet() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, "dotnet"))
            .FirstOrDefault(File.Exists) ?? throw new InvalidOperationException("No dotnet on PATH.");

    /// <summary>Another test may have changed the sources; bring the compiled build up to date first.</summary>
    private async Task EnsureCompiledAsync() => (await sample.RunAsync("--help")).AssertExitCode(0);
}
