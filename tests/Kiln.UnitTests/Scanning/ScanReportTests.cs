using Kiln.Scanning;

namespace Kiln.UnitTests.Scanning;

public sealed class ScanReportTests
{
    private static readonly ScanFinding StyleFinding = new(ScanCategory.Style, "IDE0055", "Fix formatting", "src/A.cs", 3, 1);
    private static readonly ScanFinding SecretFinding = new(ScanCategory.Secrets, "github-token", "GitHub token ghp_… (40 characters)", "src/B.cs", 7, 12);

    [Fact]
    public void Summary_counts_findings_per_category_and_says_not_checked_plainly()
    {
        var report = new ScanReport([
            ScanResult.Found(ScanCategory.Style, [StyleFinding]),
            ScanResult.NotChecked(ScanCategory.Vulnerabilities, "no package source serves vulnerability data"),
            ScanResult.Found(ScanCategory.Secrets, []),
        ]);

        Assert.Equal("style 1, vulnerabilities not checked, secrets 0", report.Summary);
    }

    [Fact]
    public void A_finding_in_a_category_fails_the_scan_with_the_count_the_categories_and_the_fix()
    {
        var report = new ScanReport([ScanResult.Found(ScanCategory.Style, [StyleFinding]), ScanResult.Found(ScanCategory.Secrets, [SecretFinding])]);

        Assert.Equal([ScanCategory.Style, ScanCategory.Secrets], report.FailingCategories);
        Assert.Equal(
            "Scan found 2 problem(s) in style, secrets: fix them (listed above and in artifacts/scan/kiln.sarif), or make a category warn-only with --scan-warn-only style.",
            report.FailureMessage("artifacts/scan/kiln.sarif"));
    }

    [Fact]
    public void Findings_of_a_warn_only_category_are_warnings_that_do_not_fail_the_scan()
    {
        var report = new ScanReport([ScanResult.Found(ScanCategory.Style, [StyleFinding]), ScanResult.Found(ScanCategory.Secrets, [])], [ScanCategory.Style]);

        Assert.False(report.IsError(StyleFinding));
        Assert.Empty(report.FailingCategories);
        Assert.Null(report.FailureMessage("kiln.sarif"));
        Assert.Equal("style 1 (warn-only), secrets 0", report.Summary);
    }

    [Fact]
    public void A_check_that_did_not_run_fails_nothing_and_has_no_findings()
    {
        var report = new ScanReport([ScanResult.NotChecked(ScanCategory.Vulnerabilities, "offline")]);

        Assert.False(report.Results[0].Checked);
        Assert.Empty(report.Findings);
        Assert.Null(report.FailureMessage("kiln.sarif"));
    }

    [Fact]
    public void A_report_refuses_two_results_of_one_check()
    {
        var exception = Assert.Throws<ArgumentException>(() => new ScanReport([ScanResult.Found(ScanCategory.Style, []), ScanResult.Found(ScanCategory.Style, [])]));

        Assert.StartsWith("The Style check has 2 results", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_result_refuses_a_finding_of_another_category()
    {
        Assert.Throws<ArgumentException>(() => ScanResult.Found(ScanCategory.Style, [SecretFinding]));
    }

    [Fact]
    public void A_finding_reads_as_file_line_rule_message()
    {
        Assert.Equal("src/A.cs:3: IDE0055: Fix formatting", StyleFinding.ToString());
        Assert.Equal("Kiln.csproj: GHSA-1: vulnerable", new ScanFinding(ScanCategory.Vulnerabilities, "GHSA-1", "vulnerable", "Kiln.csproj").ToString());
        Assert.Equal("MIT-0: not allowed", new ScanFinding(ScanCategory.Licenses, "MIT-0", "not allowed").ToString());
    }
}
