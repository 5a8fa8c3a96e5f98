using Kiln.Definition;
using Kiln.Execution;
using Kiln.Hosts;
using Kiln.Planning;

namespace Kiln.UnitTests.Execution;

public sealed class ExecutorTests : IDisposable
{
    private readonly StringWriter output = new();

    public void Dispose() => output.Dispose();

    [Fact]
    public async Task Executor_runs_the_targets_in_plan_order()
    {
        var build = new RecordingBuild();

        var summary = await RunAsync(build, "Package");

        Assert.Equal(["Compile", "Test", "Package"], build.Ran);
        Assert.Equal(0, summary.ExitCode);
    }

    [Fact]
    public async Task Executor_stops_at_the_first_failure()
    {
        var build = new RecordingBuild { FailTest = true };

        var summary = await RunAsync(build, "Package", "Lint");

        Assert.Equal(["Compile", "Test"], build.Ran);
        Assert.Equal(
            [("Compile", TargetStatus.Succeeded), ("Test", TargetStatus.Failed), ("Package", TargetStatus.NotRun), ("Lint", TargetStatus.NotRun)],
            Statuses(summary));
        Assert.Equal(1, summary.ExitCode);
    }

    [Fact]
    public async Task Executor_notes_the_first_line_of_the_exception_of_a_failed_target()
    {
        var summary = await RunAsync(new RecordingBuild { FailTest = true }, "Test");

        Assert.Equal("tests failed", summary.Results.Single(result => result.Name == "Test").Note);
    }

    [Fact]
    public async Task Executor_prints_the_exception_type_and_message_of_a_failed_target()
    {
        await RunAsync(new RecordingBuild { FailTest = true }, "Test");

        Assert.Contains("InvalidOperationException: tests failed", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Test failed.", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Executor_shortens_a_long_failure_note_to_eighty_characters()
    {
        var build = new RecordingBuild { FailTest = true, FailureMessage = new string('x', 100) + "\nsecond line" };

        var summary = await RunAsync(build, "Test");

        Assert.Equal(new string('x', 77) + "...", summary.Results.Single(result => result.Name == "Test").Note);
    }

    [Fact]
    public async Task Executor_continues_with_independent_targets_after_a_target_that_proceeds_after_failure()
    {
        var build = new RecordingBuild { FailTest = true, TestProceeds = true };

        var summary = await RunAsync(build, "Package", "Lint");

        Assert.Equal(["Compile", "Test", "Lint"], build.Ran);
        Assert.Equal(
            [("Compile", TargetStatus.Succeeded), ("Test", TargetStatus.Failed), ("Package", TargetStatus.NotRun), ("Lint", TargetStatus.Succeeded)],
            Statuses(summary));
        Assert.Equal(1, summary.ExitCode);
    }

    [Fact]
    public async Task Executor_notes_which_dependency_kept_a_target_from_running()
    {
        var summary = await RunAsync(new RecordingBuild { FailTest = true, TestProceeds = true }, "Package");

        Assert.Equal("Test failed", summary.Results.Single(result => result.Name == "Package").Note);
    }

    [Fact]
    public async Task Executor_runs_an_assured_target_after_a_failure()
    {
        var build = new RecordingBuild { FailTest = true };

        var summary = await RunAsync(build, "Package", "Cleanup");

        Assert.Equal(["Compile", "Test", "Cleanup"], build.Ran);
        Assert.Equal(TargetStatus.Succeeded, summary.Results.Single(result => result.Name == "Cleanup").Status);
    }

    [Fact]
    public async Task Executor_skips_a_target_whose_dynamic_condition_is_false_when_it_is_reached()
    {
        var build = new RecordingBuild();

        var summary = await RunAsync(build, "Compile", "Docs");

        Assert.Equal(["Compile"], build.Ran);
        var docs = summary.Results.Single(result => result.Name == "Docs");
        Assert.Equal(TargetStatus.Skipped, docs.Status);
        Assert.Equal("condition false: HasDocs", docs.Note);
        Assert.Equal(0, summary.ExitCode);
    }

    [Fact]
    public async Task Executor_evaluates_a_dynamic_condition_after_earlier_targets_ran()
    {
        var build = new RecordingBuild { CompileWritesDocs = true };

        await RunAsync(build, "Compile", "Docs");

        Assert.Equal(["Compile", "Docs"], build.Ran);
    }

    [Fact]
    public async Task Executor_runs_several_actions_of_a_target_in_order_synchronous_and_asynchronous()
    {
        var build = new RecordingBuild();

        await RunAsync(build, "Steps");

        Assert.Equal(["step 1", "step 2", "step 3", "step 4"], build.Ran);
    }

    [Fact]
    public async Task Executor_records_a_target_skipped_by_the_plan_with_its_reason()
    {
        var build = new RecordingBuild();
        var plan = Planner.Plan(TargetGraph.Create(build), ["Package"], ["Test"]);

        var summary = await new Executor(CreateHost()).RunAsync(plan, CancellationToken.None);

        Assert.Equal(["Compile", "Package"], build.Ran);
        Assert.Equal("skipped by --skip", summary.Results.Single(result => result.Name == "Test").Note);
        Assert.Equal(TargetStatus.Skipped, summary.Results.Single(result => result.Name == "Test").Status);
    }

    [Fact]
    public async Task Executor_keeps_the_note_a_target_reported()
    {
        var summary = await RunAsync(new RecordingBuild(), "Test");

        Assert.Equal("3 passed, 0 failed, 0 skipped", summary.Results.Single(result => result.Name == "Test").Note);
    }

    [Fact]
    public async Task Executor_lists_succeeded_targets_for_later_targets()
    {
        var build = new RecordingBuild();

        await RunAsync(build, "Package");

        Assert.Equal(["Compile", "Test"], build.SucceededBeforePackage.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Executor_aborts_the_running_target_when_cancelled_and_runs_nothing_after_it_but_assured_targets()
    {
        using var cancellation = new CancellationTokenSource();
        var build = new CancellingBuild(cancellation);
        var host = CreateHost();
        BuildContext.Current = new BuildContext(host, cancellation.Token);
        var plan = Planner.Plan(TargetGraph.Create(build), ["Long", "After", "Cleanup"], null);

        var summary = await new Executor(host).RunAsync(plan, cancellation.Token);

        Assert.Equal(
            [("Long", TargetStatus.Aborted), ("After", TargetStatus.NotRun), ("Cleanup", TargetStatus.Succeeded)],
            Statuses(summary));
        Assert.Equal("interrupted", summary.Results[0].Note);
        Assert.True(summary.WasInterrupted);
        Assert.Equal(130, summary.ExitCode);
        Assert.Contains("Long was interrupted.", output.ToString(), StringComparison.Ordinal);
    }

    private async Task<BuildSummary> RunAsync(KilnBuild build, params string[] invoked)
    {
        var host = CreateHost();
        BuildContext.Current = new BuildContext(host, CancellationToken.None);
        var plan = Planner.Plan(TargetGraph.Create(build), invoked, null);
        return await new Executor(host).RunAsync(plan, CancellationToken.None);
    }

    private ConsoleHost CreateHost() => new(output, new SecretMasker(), useColors: false);

    private static List<(string, TargetStatus)> Statuses(BuildSummary summary) =>
        summary.Results.Select(result => (result.Name, result.Status)).ToList();

    private sealed class RecordingBuild : KilnBuild
    {
        public List<string> Ran { get; } = [];

        public List<string> SucceededBeforePackage { get; } = [];

        public bool FailTest { get; init; }

        public bool TestProceeds { get; init; }

        public string FailureMessage { get; init; } = "tests failed";

        public bool CompileWritesDocs { get; init; }

        public bool HasDocs { get; set; }

        public Target Compile => _ => _.Executes(() =>
        {
            Ran.Add("Compile");
            HasDocs = CompileWritesDocs;
        });

        public Target Test => _ =>
        {
            var definition = _.DependsOn(Compile).Executes(() =>
            {
                Ran.Add("Test");
                if (FailTest)
                {
                    throw new InvalidOperationException(FailureMessage);
                }

                ReportSummary("3 passed, 0 failed, 0 skipped");
            });
            return TestProceeds ? definition.ProceedAfterFailure() : definition;
        };

        public Target Package => _ => _.DependsOn(Test).Executes(() =>
        {
            Ran.Add("Package");
            SucceededBeforePackage.AddRange(SucceededTargets);
        });

        public Target Docs => _ => _.OnlyWhenDynamic(() => HasDocs).Executes(() => Ran.Add("Docs"));

        public Target Lint => _ => _.Executes(() => Ran.Add("Lint"));

        public Target Cleanup => _ => _.AssuredAfterFailure().Executes(() => Ran.Add("Cleanup"));

        public Target Steps => _ => _
            .Executes(() => Ran.Add("step 1"))
            .Executes(async () =>
            {
                await Task.Yield();
                Ran.Add("step 2");
            })
            .Executes(async cancellationToken =>
            {
                await Task.Delay(1, cancellationToken);
                Ran.Add("step 3");
            })
            .Executes(() => Ran.Add("step 4"));
    }

    private sealed class CancellingBuild(CancellationTokenSource cancellation) : KilnBuild
    {
        public Target Long => _ => _.Executes(async cancellationToken =>
        {
            await cancellation.CancelAsync();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        });

        public Target After => _ => _.Executes(() => throw new InvalidOperationException("must not run"));

        public Target Cleanup => _ => _.AssuredAfterFailure().Executes(() => { });
    }
}
