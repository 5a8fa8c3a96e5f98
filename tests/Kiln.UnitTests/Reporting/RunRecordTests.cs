using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Kiln.Reporting;
using Kiln.Testing;

namespace Kiln.UnitTests.Reporting;

/// <summary>What a run leaves in artifacts/run.json and .nuke/temp/history.jsonl.</summary>
[Collection("Build runs")]
public sealed class RunRecordTests : IDisposable
{
    private readonly TemporaryRoot root = new();

    public void Dispose() => root.Dispose();

    private string RunFile => Path.Combine(root.Path, "artifacts", "run.json");

    private string HistoryFile => Path.Combine(root.Path, ".nuke", "temp", "history.jsonl");

    /// <summary>How long the timed targets stay busy: long enough that a duration rounded to milliseconds cannot be zero.</summary>
    private static TimeSpan Held => TimeSpan.FromMilliseconds(40);

    /// <summary>A time as run.json records it, so that comparisons with recorded durations hold after rounding.</summary>
    private static double Seconds(TimeSpan time) => Math.Round(time.TotalSeconds, 3);

    [Fact]
    public async Task A_run_writes_run_json_with_schema_version_start_duration_exit_code_invoked_targets_and_host()
    {
        var before = DateTimeOffset.UtcNow;
        var build = new RecordedBuild { Hold = Held };
        var wall = Stopwatch.StartNew();

        await root.RunAsync(build, ["Test"]);

        var elapsed = wall.Elapsed;

        using var json = JsonDocument.Parse(File.ReadAllText(RunFile));
        var run = json.RootElement;
        Assert.Equal(RunRecord.CurrentSchemaVersion, run.GetProperty("schemaVersion").GetInt32());
        Assert.InRange(run.GetProperty("startedAt").GetDateTimeOffset(), before.AddSeconds(-1), DateTimeOffset.UtcNow);
        Assert.InRange(run.GetProperty("durationSeconds").GetDouble(), Seconds(build.Ran["Compile"] + build.Ran["Test"]), Seconds(elapsed));
        Assert.Equal(0, run.GetProperty("exitCode").GetInt32());
        Assert.Equal(["Test"], run.GetProperty("invokedTargets").EnumerateArray().Select(target => target.GetString()));
        Assert.Equal("console", run.GetProperty("host").GetString());
    }

    [Fact]
    public async Task Run_json_lists_each_target_with_status_duration_and_whether_it_was_invoked()
    {
        var build = new RecordedBuild { Hold = Held };
        var wall = Stopwatch.StartNew();

        await root.RunAsync(build, ["Test"]);

        var elapsed = wall.Elapsed;
        var run = RunJson.Parse(File.ReadAllText(RunFile));
        Assert.Equal(["Compile", "Test"], run.Targets.Select(target => target.Name));
        Assert.All(run.Targets, target => Assert.Equal(Kiln.Execution.TargetStatus.Succeeded, target.Status));
        Assert.All(run.Targets, target => Assert.InRange(target.DurationSeconds, Seconds(build.Ran[target.Name]), Seconds(elapsed)));
        Assert.False(run.Targets[0].Invoked);
        Assert.True(run.Targets[1].Invoked);
        Assert.Contains("\"status\": \"Succeeded\"", File.ReadAllText(RunFile), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_json_holds_the_test_counts_coverage_and_version_the_targets_recorded()
    {
        await root.RunAsync(new RecordedBuild(), ["Test"]);

        var run = RunJson.Parse(File.ReadAllText(RunFile));
        var test = run.Targets.Single(target => target.Name == "Test");
        Assert.Equal(new TestCounts(12, 1, 2), test.Tests);
        Assert.Equal(87.5, test.Coverage);
        Assert.Equal(new TestCounts(12, 1, 2), run.Tests);
        Assert.Equal(87.5, run.Coverage);
        Assert.Equal("1.2.3-beta.4", run.Version);
        Assert.Null(run.Targets.Single(target => target.Name == "Compile").Tests);
    }

    [Fact]
    public async Task Run_json_adds_up_the_counts_of_every_target_that_ran_tests()
    {
        await root.RunAsync(new RecordedBuild(), ["Test", "MoreTests"]);

        var run = RunJson.Parse(File.ReadAllText(RunFile));
        Assert.Equal(new TestCounts(15, 1, 2), run.Tests);
    }

    [Fact]
    public async Task Run_json_holds_the_plan_edges_for_the_graph()
    {
        await root.RunAsync(new RecordedBuild(), ["Test", "Announce"]);

        var run = RunJson.Parse(File.ReadAllText(RunFile));
        Assert.Contains(new PlanEdge("Compile", "Test", PlanEdge.DependsOn), run.PlanEdges);
        Assert.Contains(new PlanEdge("Test", "Announce", PlanEdge.After), run.PlanEdges);
    }

    [Fact]
    public async Task A_failed_run_is_recorded_with_its_exit_code_and_the_failure_note()
    {
        var run = await root.RunAsync(new RecordedBuild(), ["Break"]);

        Assert.Equal(1, run.ExitCode);
        var record = RunJson.Parse(File.ReadAllText(RunFile));
        Assert.Equal(1, record.ExitCode);
        var broken = Assert.Single(record.Targets);
        Assert.Equal(Kiln.Execution.TargetStatus.Failed, broken.Status);
        Assert.Equal("Break broke on purpose.", broken.Note);
    }

    [Fact]
    public async Task Parameter_values_are_not_recorded_and_secrets_in_notes_are_masked()
    {
        await root.RunAsync(new RecordedBuild(), ["Leak", "--api-key", "s3cr3t-value-42", "--flavor", "pistachio-flavour"]);

        var text = File.ReadAllText(RunFile) + File.ReadAllText(HistoryFile);
        Assert.DoesNotContain("s3cr3t-value-42", text, StringComparison.Ordinal);
        Assert.DoesNotContain("pistachio-flavour", text, StringComparison.Ordinal);
        Assert.Equal("key ***", RunJson.Parse(File.ReadAllText(RunFile)).Targets.Single().Note);
    }

    [Fact]
    public async Task Each_run_appends_one_line_to_the_history()
    {
        await root.RunAsync(new RecordedBuild(), ["Compile"]);
        await root.RunAsync(new RecordedBuild(), ["Test"]);

        var lines = File.ReadAllLines(HistoryFile);
        Assert.Equal(2, lines.Length);
        Assert.Equal(["Compile"], RunJson.Parse(lines[0]).InvokedTargets);
        Assert.Equal(["Test"], RunJson.Parse(lines[1]).InvokedTargets);
        Assert.Equal(File.ReadAllText(RunFile), RunJson.ToDocument(RunJson.Parse(lines[1])));
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("--plan")]
    [InlineData("--generate-workflows")]
    public async Task Runs_that_execute_nothing_are_not_recorded(string option)
    {
        await root.RunAsync(new RecordedBuild(), ["Test", option]);

        Assert.False(File.Exists(RunFile));
        Assert.False(File.Exists(HistoryFile));
    }

    [Fact]
    public async Task Bad_input_is_not_recorded()
    {
        var run = await root.RunAsync(new RecordedBuild(), ["Tset"]);

        Assert.Equal(2, run.ExitCode);
        Assert.False(File.Exists(HistoryFile));
    }

    [Fact]
    public async Task A_run_of_only_history_readers_is_not_recorded()
    {
        await root.RunAsync(new RecordedBuild(), ["Compile"]);

        await root.RunAsync(new RecordedBuild(), ["ReadHistory"]);

        Assert.Single(File.ReadAllLines(HistoryFile));
        Assert.Equal(["Compile"], RunJson.Parse(File.ReadAllText(RunFile)).InvokedTargets);
    }

    [Fact]
    public async Task A_run_that_cannot_write_its_record_still_succeeds_with_a_warning()
    {
        // A file where the artifacts folder should be: run.json cannot be written.
        File.WriteAllText(Path.Combine(root.Path, "artifacts"), "in the way");

        var run = await root.RunAsync(new RecordedBuild(), ["Compile"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(run.Lines, line => line.Contains("The run was not recorded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_json_names_the_commit_of_a_git_work_tree()
    {
        var sha = new string('a', 40);
        Directory.CreateDirectory(Path.Combine(root.Path, ".git", "refs", "heads"));
        File.WriteAllText(Path.Combine(root.Path, ".git", "HEAD"), "ref: refs/heads/main\n");
        File.WriteAllText(Path.Combine(root.Path, ".git", "refs", "heads", "main"), sha + "\n");

        await root.RunAsync(new RecordedBuild(), ["Compile"]);

        Assert.Equal(sha, RunJson.Parse(File.ReadAllText(RunFile)).Commit);
    }

    private sealed class RecordedBuild : KilnBuild
    {
        [Parameter]
        [Secret]
        public string? ApiKey { get; set; }

        [Parameter]
        public string? Flavor { get; set; }

        /// <summary>How long Compile and Test stay busy, by their own clock; none unless a test sets it.</summary>
        public TimeSpan Hold { get; init; }

        /// <summary>How long Compile and Test ran, each by its own clock.</summary>
        public ConcurrentDictionary<string, TimeSpan> Ran { get; } = new(StringComparer.Ordinal);

        public Target Compile => _ => _.Executes(() =>
        {
            StayBusy(nameof(Compile));
            RunRecorder.RecordVersion("1.2.3-beta.4");
        });

        public Target Test => _ => _
            .DependsOn(Compile)
            .Executes(() =>
            {
                StayBusy(nameof(Test));
                RunRecorder.RecordTests(new TestCounts(10, 1, 0));
                RunRecorder.RecordTests(new TestCounts(2, 0, 2));
                RunRecorder.RecordCoverage(87.5);
            });

        public Target MoreTests => _ => _.Executes(() => RunRecorder.RecordTests(new TestCounts(3, 0, 0)));

        public Target Announce => _ => _.After(Test).Executes(() => { });

        public Target Break => _ => _.Executes(() => throw new InvalidOperationException("Break broke on purpose."));

        public Target Leak => _ => _.Executes(() => ReportSummary($"key {ApiKey}"));

        public Target ReadHistory => _ => _.Executes(RunRecorder.ExcludeFromHistory);

        private void StayBusy(string target)
        {
            var clock = Stopwatch.StartNew();
            SpinWait.SpinUntil(() => clock.Elapsed >= Hold);
            Ran[target] = clock.Elapsed;
        }
    }
}
