using System.Text.RegularExpressions;
using Kiln.Execution;
using Kiln.Reporting;
using Kiln.Testing;

namespace Kiln.UnitTests.Reporting;

public sealed partial class ReportPageTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 1, 0, 0, TimeSpan.Zero);

    private static RunRecord Latest => RunHistoryTests.Run(0, "Compile", "Test") with
    {
        Version = "1.2.3",
        Commit = new string('c', 40),
        Tests = new TestCounts(40, 0, 1),
        Coverage = 83.27,
        PlanEdges = [new PlanEdge("Compile", "Test", PlanEdge.DependsOn)],
    };

    [Fact]
    public void The_page_has_the_durations_chart_element()
    {
        var page = ReportPage.Render([RunHistoryTests.Run(0, "A"), Latest], 1, Now);

        Assert.Contains("<svg id=\"durations-chart\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public void The_chart_has_a_build_bar_and_a_test_bar_per_run()
    {
        var chart = DurationChart.Render([RunHistoryTests.Run(0, "A"), RunHistoryTests.Run(1, "B"), Latest]);

        Assert.Equal(3, Regex.Count(chart, "class=\"bar-build\" x="));
        Assert.Equal(3, Regex.Count(chart, "class=\"bar-test\" x="));
        Assert.Single(Regex.Matches(chart, "<g class=\"run failed\">"));
    }

    [Fact]
    public void The_page_shows_the_latest_runs_plan_graph_targets_tests_coverage_and_version()
    {
        var page = ReportPage.Render([RunHistoryTests.Run(1, "Old"), Latest], 1, Now);

        Assert.Contains("<svg id=\"plan-graph\"", page, StringComparison.Ordinal);
        Assert.Contains("class=\"edge edge-dependsOn\"", page, StringComparison.Ordinal);
        Assert.Contains("<table id=\"targets-table\">", page, StringComparison.Ordinal);
        Assert.Contains("<dd>40 passed, 0 failed, 1 skipped</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dd>83.3%</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dd>1.2.3</dd>", page, StringComparison.Ordinal);
        Assert.DoesNotContain(">Old<", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_and_notes_from_the_record_are_html_encoded()
    {
        var hostile = Latest with
        {
            InvokedTargets = ["<script>alert(1)</script>"],
            Targets = [new TargetRecord { Name = "<b>Bold</b>", Status = TargetStatus.Failed, Note = "a \"quoted\" & <tagged> note" }],
            Version = "1.0.0+<x>",
        };

        var page = ReportPage.Render([hostile], 1, Now);

        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<tagged>", page, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;Bold&lt;/b&gt;", page, StringComparison.Ordinal);
        Assert.Contains("a &quot;quoted&quot; &amp; &lt;tagged&gt; note", page, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_loads_nothing_from_outside()
    {
        var page = ReportPage.Render([RunHistoryTests.Run(0, "A"), Latest], 1, Now);

        Assert.DoesNotMatch(ExternalReference(), page);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Content-Security-Policy\" content=\"default-src 'none'", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_graph_puts_each_target_one_column_right_of_the_furthest_it_runs_after()
    {
        var layers = PlanGraph.Layers(
            ["Restore", "Version", "Compile", "Test", "Pack"],
            [
                new PlanEdge("Restore", "Compile", PlanEdge.DependsOn),
                new PlanEdge("Version", "Compile", PlanEdge.DependsOn),
                new PlanEdge("Compile", "Test", PlanEdge.DependsOn),
                new PlanEdge("Compile", "Pack", PlanEdge.DependsOn),
                new PlanEdge("Test", "Pack", PlanEdge.DependsOn),
            ]);

        Assert.Equal(0, layers["Restore"]);
        Assert.Equal(0, layers["Version"]);
        Assert.Equal(1, layers["Compile"]);
        Assert.Equal(2, layers["Test"]);
        Assert.Equal(3, layers["Pack"]);
    }

    [Theory]
    [InlineData(0.4, 0.2)]
    [InlineData(12, 5)]
    [InlineData(61, 20)]
    [InlineData(341, 120)]
    [InlineData(900, 300)]
    [InlineData(40000, 10000)]
    public void Chart_axis_steps_are_round_numbers(double longest, double step)
    {
        Assert.Equal(step, DurationChart.TickStep(longest));
    }

    [Theory]
    [InlineData(0.42, "0.4 s")]
    [InlineData(59.94, "59.9 s")]
    [InlineData(125, "2:05")]
    [InlineData(3725, "1:02:05")]
    public void Durations_read_as_seconds_minutes_or_hours(double seconds, string expected)
    {
        Assert.Equal(expected, DurationText.Format(seconds));
    }

    // Any attribute value that would make the browser fetch over the network.
    [GeneratedRegex("(src|href)\\s*=\\s*\"\\s*(https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();
}
