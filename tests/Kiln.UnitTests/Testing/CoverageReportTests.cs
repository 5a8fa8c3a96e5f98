using Kiln.Testing;

namespace Kiln.UnitTests.Testing;

public sealed class CoverageReportTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), "kiln-cobertura-" + Guid.NewGuid().ToString("N") + ".xml");

    public void Dispose() => File.Delete(path);

    [Fact]
    public void CoverageReport_reads_line_coverage_from_covered_and_valid_lines()
    {
        File.WriteAllText(path, """<coverage line-rate="0.87" lines-covered="3164" lines-valid="3622" branch-rate="0.78" version="1.9"><packages /></coverage>""");

        Assert.Equal(3164.0 / 3622 * 100, CoverageReport.ReadLineCoverage(path), precision: 9);
    }

    [Fact]
    public void CoverageReport_reads_reportgenerators_cobertura_despite_its_doctype()
    {
        File.WriteAllText(path, """
            <?xml version="1.0" encoding="utf-8"?>
            <!DOCTYPE coverage SYSTEM "http://cobertura.sourceforge.net/xml/coverage-04.dtd">
            <coverage line-rate="0.75" lines-covered="3" lines-valid="4" version="0" />
            """);

        Assert.Equal(75, CoverageReport.ReadLineCoverage(path), precision: 9);
    }

    [Fact]
    public void CoverageReport_falls_back_to_the_line_rate_without_line_counts()
    {
        File.WriteAllText(path, """<coverage line-rate="0.5" />""");

        Assert.Equal(50, CoverageReport.ReadLineCoverage(path), precision: 9);
    }

    [Fact]
    public void CoverageReport_rejects_a_file_that_is_not_cobertura()
    {
        File.WriteAllText(path, """<TestRun />""");

        var exception = Assert.Throws<KilnException>(() => CoverageReport.ReadLineCoverage(path));

        Assert.Equal($"{path} is not a Cobertura file (its root is not <coverage>): delete it and run the tests again.", exception.Message);
    }

    [Fact]
    public void CoverageReport_shows_line_coverage_with_one_decimal()
    {
        Assert.Equal("87.4%", new CoverageReport("artifacts/coverage", 87.354).LineCoverageText);
        Assert.Equal("80.0%", new CoverageReport("artifacts/coverage", 80).LineCoverageText);
    }

    [Fact]
    public void CoverageReport_names_its_files_in_its_folder()
    {
        var report = new CoverageReport("/repo/artifacts/coverage", 90);

        Assert.Equal(
            ["/repo/artifacts/coverage/index.html", "/repo/artifacts/coverage/Cobertura.xml", "/repo/artifacts/coverage/SummaryGithub.md"],
            new[] { report.HtmlFile, report.CoberturaFile, report.MarkdownSummaryFile }.Select(file => file.Replace('\\', '/')));
    }
}
