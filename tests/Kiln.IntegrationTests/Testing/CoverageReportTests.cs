using System.Globalization;
using System.Text;
using Kiln.Testing;

namespace Kiln.IntegrationTests.Testing;

/// <summary>
/// Coverage merged by the real ReportGenerator, the local tool this repository pins in .config/dotnet-tools.json.
/// The sample: one ten-line file, covered on lines 1-4 by one test run and on lines 3-8 by another, so each run
/// alone covers 40% and 60%, and the merge covers lines 1-8: 80%.
/// </summary>
public sealed class CoverageReportTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("kiln-coverage-it-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task CoverageReport_merges_the_runs_line_by_line_rather_than_averaging_them()
    {
        var report = await CreateSampleReportAsync();

        Assert.Equal(80, report.LineCoverage, precision: 9);
        Assert.Equal(80, CoverageReport.ReadLineCoverage(report.CoberturaFile), precision: 9);
    }

    [Fact]
    public async Task CoverageReport_writes_html_cobertura_and_a_github_markdown_summary_into_its_folder()
    {
        var report = await CreateSampleReportAsync();

        Assert.Equal(Path.Combine(folder, "report", "index.html"), report.HtmlFile);
        Assert.Contains("<html", await File.ReadAllTextAsync(report.HtmlFile), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<coverage", await File.ReadAllTextAsync(report.CoberturaFile), StringComparison.Ordinal);
        var summary = await File.ReadAllTextAsync(report.MarkdownSummaryFile);
        Assert.Contains("Sample.Calculator", summary, StringComparison.Ordinal);
        Assert.Contains("80%", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CoverageGate_passes_the_merged_sample_at_its_coverage_and_fails_it_just_above()
    {
        var report = await CreateSampleReportAsync();

        new CoverageGate(80).Check(report.LineCoverage);
        var exception = Assert.Throws<KilnException>(() => new CoverageGate(80.5).Check(report.LineCoverage));
        Assert.Equal("Line coverage 80.0% is below the threshold 80.5%: add tests, or lower --coverage-threshold.", exception.Message);
    }

    [Fact]
    public async Task CoverageReport_without_reportgenerator_in_the_manifest_says_how_to_add_it()
    {
        var root = Directory.CreateDirectory(Path.Combine(folder, "repo")).FullName;
        Directory.CreateDirectory(Path.Combine(root, ".config"));
        await File.WriteAllTextAsync(Path.Combine(root, ".config", "dotnet-tools.json"), """{ "version": 1, "isRoot": true, "tools": {} }""");

        var exception = await Assert.ThrowsAsync<KilnException>(
            () => CoverageReport.CreateAsync([WriteRun("run.xml", coveredFrom: 1, coveredTo: 4)], Path.Combine(folder, "report"), root));

        Assert.Equal(
            $"{Path.Combine(root, ".config", "dotnet-tools.json")} has no dotnet-reportgenerator-globaltool: add it with 'dotnet tool install dotnet-reportgenerator-globaltool --version 5.6.0' in {root}.",
            exception.Message);
    }

    private Task<CoverageReport> CreateSampleReportAsync() =>
        CoverageReport.CreateAsync(
            [WriteRun("unit.cobertura.xml", coveredFrom: 1, coveredTo: 4), WriteRun("integration.cobertura.xml", coveredFrom: 3, coveredTo: 8)],
            Path.Combine(folder, "report"),
            RepositoryRoot.Path);

    /// <summary>A Cobertura file, as coverlet writes it, of one run that hit lines coveredFrom..coveredTo of Calculator.cs.</summary>
    private string WriteRun(string name, int coveredFrom, int coveredTo)
    {
        const int Lines = 10;
        var source = Path.Combine(folder, "Calculator.cs");
        File.WriteAllLines(source, Enumerable.Range(1, Lines).Select(line => $"// line {line}"));
        var covered = coveredTo - coveredFrom + 1;
        var rate = ((double)covered / Lines).ToString(CultureInfo.InvariantCulture);
        var lines = new StringBuilder();
        for (var line = 1; line <= Lines; line++)
        {
            var hits = line >= coveredFrom && line <= coveredTo ? 1 : 0;
            lines.Append(CultureInfo.InvariantCulture, $"""<line number="{line}" hits="{hits}" branch="False" />""");
        }

        var path = Path.Combine(folder, name);
        File.WriteAllText(path, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <coverage line-rate="{rate}" branch-rate="1" version="1.9" timestamp="1763856000" lines-covered="{covered}" lines-valid="{Lines}" branches-covered="0" branches-valid="0">
              <sources><source>{folder}/</source></sources>
              <packages>
                <package name="Sample" line-rate="{rate}" branch-rate="1" complexity="1">
                  <classes>
                    <class name="Sample.Calculator" filename="Calculator.cs" line-rate="{rate}" branch-rate="1" complexity="1">
                      <methods />
                      <lines>{lines}</lines>
                    </class>
                  </classes>
                </package>
              </packages>
            </coverage>
            """);
        return path;
    }
}
