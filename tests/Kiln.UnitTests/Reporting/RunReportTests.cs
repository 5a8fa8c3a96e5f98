using Kiln.Reporting;

namespace Kiln.UnitTests.Reporting;

public sealed class RunReportTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "kiln-report-" + Guid.NewGuid().ToString("N"));

    private RunHistory History => new(Path.Combine(folder, "history.jsonl"));

    private string ReportFile => Path.Combine(folder, "artifacts", "report.html");

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_missing_history_stops_the_report_with_the_fix()
    {
        var error = await Assert.ThrowsAsync<KilnException>(() => RunReport.WriteAsync(History, ReportFile, 30, _ => { }));

        Assert.EndsWith("is missing): run a build first (./build.sh), then Report.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.False(File.Exists(ReportFile));
    }

    [Fact]
    public async Task An_empty_history_stops_the_report_with_the_fix()
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(History.Path, string.Empty);

        var error = await Assert.ThrowsAsync<KilnException>(() => RunReport.WriteAsync(History, ReportFile, 30, _ => { }));

        Assert.EndsWith("holds no readable run: run a build first (./build.sh), then Report.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_charts_only_the_last_runs_asked_for()
    {
        foreach (var name in new[] { "A", "B", "C", "D" })
        {
            await History.AppendAsync(RunHistoryTests.Run(0, name));
        }

        var shown = await RunReport.WriteAsync(History, ReportFile, 3, _ => { });

        Assert.Equal(3, shown);
        var page = File.ReadAllText(ReportFile);
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(page, "class=\"bar-build\" x="));
        Assert.Contains("Latest run (run 4)", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_of_a_repository_root_reads_its_history_under_nuke_temp()
    {
        var history = new RunHistory(Path.Combine(folder, ".nuke", "temp", "history.jsonl"));
        Directory.CreateDirectory(Path.GetDirectoryName(history.Path)!);
        await history.AppendAsync(RunHistoryTests.Run(0, "A"));

        var shown = await RunReport.WriteAsync(AbsolutePath.Create(folder), ReportFile, 30);

        Assert.Equal(1, shown);
        Assert.Contains("Latest run (run 1)", File.ReadAllText(ReportFile), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_skips_a_corrupt_line_with_a_warning()
    {
        await History.AppendAsync(RunHistoryTests.Run(0, "A"));
        File.AppendAllText(History.Path, "not json\n");
        var warnings = new List<string>();

        var shown = await RunReport.WriteAsync(History, ReportFile, 30, warnings.Add);

        Assert.Equal(1, shown);
        Assert.Single(warnings);
        Assert.True(File.Exists(ReportFile));
    }
}
