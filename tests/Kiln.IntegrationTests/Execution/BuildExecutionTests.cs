namespace Kiln.IntegrationTests.Execution;

[Collection(TinyBuildRuns.Name)]
public sealed class BuildExecutionTests(TinyBuildFixture sample)
{
    [Fact]
    public async Task Build_runs_the_named_targets_and_reports_them_succeeded()
    {
        var run = await sample.RunAsync("Hello", "Independent");

        run.AssertExitCode(0);
        Assert.Contains("Hello ran: Vanilla greetings from TinyBuild.", run.StandardOutput);
        Assert.Contains("Independent ran.", run.StandardOutput);
        Assert.Equal(["Hello", "Independent"], run.SummaryTargets);
        Assert.Equal("Succeeded", run.Status("Hello"));
        Assert.Equal("Succeeded", run.Status("Independent"));
        Assert.Single(run.StandardOutput, line => line.StartsWith("Build succeeded in ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Build_runs_the_default_target_when_none_is_named()
    {
        var run = await sample.RunAsync();

        run.AssertExitCode(0);
        Assert.Contains("Hello ran: Vanilla greetings from TinyBuild.", run.StandardOutput);
        Assert.Equal(["Hello"], run.SummaryTargets);
        Assert.Equal("Succeeded", run.Status("Hello"));
    }

    [Fact]
    public async Task Failing_target_fails_the_build_and_its_dependents_do_not_run_but_assured_targets_do()
    {
        var run = await sample.RunAsync("AfterFail");

        run.AssertExitCode(1);
        Assert.Contains("InvalidOperationException: Fail broke on purpose.", run.StandardOutput);
        Assert.Contains("Fail failed.", run.StandardOutput);
        Assert.Equal("Failed", run.Status("Fail"));
        Assert.Equal("Fail broke on purpose.", run.Note("Fail"));
        Assert.Equal("NotRun", run.Status("AfterFail"));
        Assert.DoesNotContain("AfterFail ran.", run.StandardOutput);
        Assert.Equal("Succeeded", run.Status("Cleanup"));
        Assert.Contains("Cleanup ran.", run.StandardOutput);
        Assert.Single(run.StandardOutput, line => line.StartsWith("Build failed in ", StringComparison.Ordinal) && line.EndsWith(": Fail failed.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bare_skip_skips_every_target_that_was_not_named()
    {
        var run = await sample.RunAsync("SkipTop", "--skip");

        run.AssertExitCode(0);
        Assert.Equal(["SkipBase", "SkipMiddle", "SkipTop"], run.SummaryTargets);
        Assert.Equal("Skipped", run.Status("SkipBase"));
        Assert.Equal("Skipped", run.Status("SkipMiddle"));
        Assert.Equal("skipped by --skip", run.Note("SkipMiddle"));
        Assert.Equal("Succeeded", run.Status("SkipTop"));
        Assert.DoesNotContain("SkipBase ran.", run.StandardOutput);
        Assert.DoesNotContain("SkipMiddle ran.", run.StandardOutput);
        Assert.Contains("SkipTop ran.", run.StandardOutput);
    }

    [Fact]
    public async Task Skip_with_names_skips_only_the_named_targets()
    {
        var run = await sample.RunAsync("SkipTop", "--skip", "SkipMiddle");

        run.AssertExitCode(0);
        Assert.Equal("Succeeded", run.Status("SkipBase"));
        Assert.Equal("Skipped", run.Status("SkipMiddle"));
        Assert.Equal("Succeeded", run.Status("SkipTop"));
        Assert.Contains("SkipBase ran.", run.StandardOutput);
        Assert.DoesNotContain("SkipMiddle ran.", run.StandardOutput);
        Assert.Contains("SkipTop ran.", run.StandardOutput);
    }
}
