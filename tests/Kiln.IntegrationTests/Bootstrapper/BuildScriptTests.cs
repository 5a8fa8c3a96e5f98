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

    /// <summary>Another test may have changed the sources; bring the compiled build up to date first.</summary>
    private async Task EnsureCompiledAsync() => (await sample.RunAsync("--help")).AssertExitCode(0);
}
