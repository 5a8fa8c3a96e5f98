using Kiln.Execution;

namespace Kiln.UnitTests.Execution;

public class SummaryTableTests
{
    [Fact]
    public void SummaryTable_formats_padded_rows_with_status_duration_and_note()
    {
        var lines = SummaryTable.Format(FailedSummary());

        Assert.Equal(
            [
                string.Empty,
                new string('═', 40),
                "Target   Status     Duration  Note",
                new string('─', 40),
                "Compile  Succeeded      < 1s",
                "Test     Failed         0:05  2 failed",
                "Package  NotRun               Test failed",
                "Docs     Skipped              condition false: HasDocs",
                new string('─', 40),
                "Total                1:02:03",
                new string('═', 40),
                "Build failed in 1:02:03: Test failed.",
            ],
            lines);
    }

    [Fact]
    public void SummaryTable_widens_the_name_column_and_rules_for_long_target_names()
    {
        var summary = new BuildSummary([Result("IntegrationTestsAgainstAzurite", TargetStatus.Succeeded, TimeSpan.FromSeconds(75))], TimeSpan.FromSeconds(75), wasInterrupted: false);

        var lines = SummaryTable.Format(summary);

        Assert.Equal("IntegrationTestsAgainstAzurite  Succeeded      1:15", lines[4]);
        Assert.Equal(new string('═', 57), lines[1]);
    }

    [Fact]
    public void SummaryTable_reports_success_with_the_total_duration()
    {
        var summary = new BuildSummary([Result("Compile", TargetStatus.Succeeded, TimeSpan.FromSeconds(2))], TimeSpan.FromSeconds(3), wasInterrupted: false);

        Assert.Equal("Build succeeded in 0:03.", SummaryTable.Format(summary)[^1]);
    }

    [Fact]
    public void SummaryTable_counts_a_skipped_target_as_success()
    {
        var summary = new BuildSummary([Result("Docs", TargetStatus.Skipped, TimeSpan.Zero)], TimeSpan.FromSeconds(1), wasInterrupted: false);

        Assert.Equal("Build succeeded in 0:01.", SummaryTable.Format(summary)[^1]);
        Assert.Equal(0, summary.ExitCode);
    }

    [Fact]
    public void SummaryTable_names_every_failed_target()
    {
        var summary = new BuildSummary(
            [Result("Test", TargetStatus.Failed, TimeSpan.FromSeconds(1)), Result("Lint", TargetStatus.Failed, TimeSpan.FromSeconds(1))],
            TimeSpan.FromSeconds(2),
            wasInterrupted: false);

        Assert.Equal("Build failed in 0:02: Test, Lint failed.", SummaryTable.Format(summary)[^1]);
        Assert.Equal(1, summary.ExitCode);
    }

    [Fact]
    public void SummaryTable_reports_an_interrupted_build()
    {
        var summary = new BuildSummary([Result("Test", TargetStatus.Aborted, TimeSpan.FromSeconds(4))], TimeSpan.FromSeconds(4), wasInterrupted: true);

        Assert.Equal("Build interrupted after 0:04.", SummaryTable.Format(summary)[^1]);
        Assert.Equal(130, summary.ExitCode);
    }

    [Theory]
    [InlineData(0, "< 1s")]
    [InlineData(999, "< 1s")]
    [InlineData(1_000, "0:01")]
    [InlineData(5_000, "0:05")]
    [InlineData(62_000, "1:02")]
    [InlineData(3_599_000, "59:59")]
    [InlineData(3_723_000, "1:02:03")]
    public void SummaryTable_formats_durations(int milliseconds, string expected)
    {
        Assert.Equal(expected, SummaryTable.FormatDuration(TimeSpan.FromMilliseconds(milliseconds)));
    }

    [Fact]
    public void SummaryTable_writes_markdown_with_icons_and_escaped_cells()
    {
        var summary = new BuildSummary(
            [
                Result("Compile", TargetStatus.Succeeded, TimeSpan.FromSeconds(5)),
                Result("Test", TargetStatus.Failed, TimeSpan.FromSeconds(1), "a | b\nc"),
                Result("Pack", TargetStatus.NotRun, TimeSpan.Zero, "Test failed"),
            ],
            TimeSpan.FromSeconds(7),
            wasInterrupted: false);

        var markdown = SummaryTable.ToMarkdown(summary);

        Assert.Equal(
            "### Build failed in 0:07: Test failed.\n" +
            "\n" +
            "| Target | Status | Duration | Note |\n" +
            "| --- | --- | ---: | --- |\n" +
            "| Compile | ✅ Succeeded | 0:05 |  |\n" +
            "| Test | ❌ Failed | 0:01 | a \\| b c |\n" +
            "| Pack | ⏸️ NotRun |  | Test failed |\n" +
            "| **Total** | | 0:07 | |\n" +
            "\n",
            markdown.ReplaceLineEndings("\n"));
    }

    private static BuildSummary FailedSummary() => new(
        [
            Result("Compile", TargetStatus.Succeeded, TimeSpan.FromMilliseconds(400)),
            Result("Test", TargetStatus.Failed, TimeSpan.FromSeconds(5), "2 failed"),
            Result("Package", TargetStatus.NotRun, TimeSpan.Zero, "Test failed"),
            Result("Docs", TargetStatus.Skipped, TimeSpan.Zero, "condition false: HasDocs"),
        ],
        new TimeSpan(1, 2, 3),
        wasInterrupted: false);

    private static TargetResult Result(string name, TargetStatus status, TimeSpan duration, string? note = null) =>
        new(name) { Status = status, Duration = duration, Note = note };
}
