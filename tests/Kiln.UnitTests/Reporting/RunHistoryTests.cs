using Kiln.Execution;
using Kiln.Reporting;

namespace Kiln.UnitTests.Reporting;

public sealed class RunHistoryTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "kiln-history-" + Guid.NewGuid().ToString("N"));

    private string HistoryFile => Path.Combine(folder, "history.jsonl");

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    internal static RunRecord Run(int exitCode = 0, params string[] targets) => new()
    {
        StartedAt = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero),
        DurationSeconds = 12.5,
        ExitCode = exitCode,
        InvokedTargets = targets,
        Targets = [.. targets.Select(name => new TargetRecord { Name = name, Status = TargetStatus.Succeeded, DurationSeconds = 1 })],
    };

    [Fact]
    public async Task Appended_runs_read_back_oldest_first()
    {
        var history = new RunHistory(HistoryFile);

        await history.AppendAsync(Run(0, "First"));
        await history.AppendAsync(Run(1, "Second"));

        var runs = await history.ReadAsync(_ => { });
        Assert.Equal(["First", "Second"], runs.Select(run => run.InvokedTargets.Single()));
        Assert.Equal(1, runs[1].ExitCode);
    }

    [Fact]
    public async Task Append_keeps_only_the_latest_runs_up_to_the_limit()
    {
        var history = new RunHistory(HistoryFile, limit: 3);

        foreach (var name in new[] { "A", "B", "C", "D", "E" })
        {
            await history.AppendAsync(Run(0, name));
        }

        Assert.Equal(3, File.ReadAllLines(HistoryFile).Length);
        Assert.Equal(["C", "D", "E"], (await history.ReadAsync(_ => { })).Select(run => run.InvokedTargets.Single()));
    }

    [Fact]
    public async Task Append_leaves_no_temporary_or_lock_file_behind()
    {
        await new RunHistory(HistoryFile).AppendAsync(Run(0, "A"));

        Assert.Equal(["history.jsonl"], Directory.GetFiles(folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Each_history_line_is_one_compact_json_record()
    {
        await new RunHistory(HistoryFile).AppendAsync(Run(0, "A"));

        var line = Assert.Single(File.ReadAllLines(HistoryFile));
        Assert.StartsWith("{\"schemaVersion\":1,", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_corrupt_line_is_skipped_with_a_warning_naming_its_line()
    {
        var history = new RunHistory(HistoryFile);
        await history.AppendAsync(Run(0, "A"));
        File.AppendAllText(HistoryFile, "{\"schemaVersion\":1,\"startedAt\":\n");
        await history.AppendAsync(Run(0, "B"));
        var warnings = new List<string>();

        var runs = await history.ReadAsync(warnings.Add);

        Assert.Equal(["A", "B"], runs.Select(run => run.InvokedTargets.Single()));
        var warning = Assert.Single(warnings);
        Assert.Contains("line 2 is not a run record", warning, StringComparison.Ordinal);
        Assert.EndsWith("skipped.", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_record_of_a_later_schema_is_skipped_with_a_warning()
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(HistoryFile, "{\"schemaVersion\":99,\"startedAt\":\"2026-12-01T10:00:00+00:00\"}\n");
        var warnings = new List<string>();

        var runs = await new RunHistory(HistoryFile).ReadAsync(warnings.Add);

        Assert.Empty(runs);
        Assert.Contains("schema version 99", Assert.Single(warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_history_reads_as_no_runs()
    {
        Assert.Empty(await new RunHistory(HistoryFile).ReadAsync(_ => { }));
    }
}
