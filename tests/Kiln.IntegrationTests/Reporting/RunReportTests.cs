using System.Text.Json;
using Kiln.Reporting;

namespace Kiln.IntegrationTests.Reporting;

/// <summary>The sample build's runs leave artifacts/run.json and .nuke/temp/history.jsonl, and Report turns them into a page.</summary>
[Collection(TinyBuildRuns.Name)]
public sealed class RunReportTests(TinyBuildFixture sample)
{
    private string RunFile => Path.Combine(sample.Root, "artifacts", "run.json");

    private string HistoryFile => Path.Combine(sample.Root, ".nuke", "temp", "history.jsonl");

    private string ReportFile => Path.Combine(sample.Root, "artifacts", "report.html");

    private string[] HistoryLines => File.Exists(HistoryFile) ? File.ReadAllLines(HistoryFile) : [];

    [Fact]
    public async Task Two_runs_leave_the_latest_in_run_json_and_both_in_the_history()
    {
        var before = HistoryLines.Length;

        (await sample.RunAsync("Hello")).AssertExitCode(0);
        (await sample.RunAsync("AfterFail")).AssertExitCode(1);

        var history = HistoryLines;
        Assert.Equal(before + 2, history.Length);
        using var first = JsonDocument.Parse(history[^2]);
        Assert.Equal(["Hello"], first.RootElement.GetProperty("invokedTargets").EnumerateArray().Select(name => name.GetString()));
        Assert.Equal(0, first.RootElement.GetProperty("exitCode").GetInt32());

        using var latest = JsonDocument.Parse(File.ReadAllText(RunFile));
        var run = latest.RootElement;
        Assert.Equal(1, run.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(1, run.GetProperty("exitCode").GetInt32());
        Assert.Equal(["AfterFail"], run.GetProperty("invokedTargets").EnumerateArray().Select(name => name.GetString()));
        var targets = run.GetProperty("targets").EnumerateArray()
            .ToDictionary(target => target.GetProperty("name").GetString()!, target => target.GetProperty("status").GetString());
        Assert.Equal("Failed", targets["Fail"]);
        Assert.Equal("NotRun", targets["AfterFail"]);
        Assert.Equal("Succeeded", targets["Cleanup"]);
        Assert.Contains(run.GetProperty("planEdges").EnumerateArray(), edge =>
            edge.GetProperty("from").GetString() == "Fail" && edge.GetProperty("to").GetString() == "AfterFail" && edge.GetProperty("kind").GetString() == "dependsOn");
        Assert.Equal(history[^1], RunJson.ToLine(RunJson.Parse(File.ReadAllText(RunFile))));
    }

    [Fact]
    public async Task Secret_parameter_values_never_reach_the_records()
    {
        (await sample.RunAsync("Publish", "--api-key", "integration-secret-9517")).AssertExitCode(0);

        Assert.DoesNotContain("integration-secret-9517", File.ReadAllText(RunFile), StringComparison.Ordinal);
        Assert.DoesNotContain("integration-secret-9517", File.ReadAllText(HistoryFile), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_writes_a_page_with_the_chart_and_is_not_recorded_itself()
    {
        (await sample.RunAsync("Hello")).AssertExitCode(0);
        var before = HistoryLines.Length;
        var runJson = File.ReadAllText(RunFile);

        var report = await sample.RunAsync("Report");

        report.AssertExitCode(0);
        Assert.Equal("Succeeded", report.Status("Report"));
        var page = File.ReadAllText(ReportFile);
        Assert.Contains("<svg id=\"durations-chart\"", page, StringComparison.Ordinal);
        Assert.Contains("<svg id=\"plan-graph\"", page, StringComparison.Ordinal);
        Assert.Equal(before, HistoryLines.Length);
        Assert.Equal(runJson, File.ReadAllText(RunFile));
    }

    [ChromiumFact]
    public async Task Report_renders_in_headless_chromium_with_the_chart()
    {
        (await sample.RunAsync("Hello")).AssertExitCode(0);
        (await sample.RunAsync("Hello", "Independent")).AssertExitCode(0);
        (await sample.RunAsync("Report")).AssertExitCode(0);

        var dom = await HeadlessChromium.DumpDomAsync(ReportFile);

        Assert.Contains("id=\"durations-chart\"", dom, StringComparison.Ordinal);
        Assert.Contains("id=\"plan-graph\"", dom, StringComparison.Ordinal);
        Assert.Contains("<td>Independent</td>", dom, StringComparison.Ordinal);
    }
}
