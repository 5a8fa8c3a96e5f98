using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Kiln.Tooling;

namespace Kiln.Testing;

/// <summary>
/// Coverage merged from several Cobertura files by ReportGenerator, run as the repository's local dotnet tool
/// (<c>dotnet-reportgenerator-globaltool</c> in <c>.config/dotnet-tools.json</c>): an HTML report, a merged
/// Cobertura file and a Markdown summary for the GitHub step summary, all in one folder.
/// </summary>
/// <param name="Directory">The folder the report was written to.</param>
/// <param name="LineCoverage">The merged line coverage, in percent (0 to 100).</param>
public sealed record CoverageReport(string Directory, double LineCoverage)
{
    /// <summary>The tool package that makes the report.</summary>
    public const string ToolPackage = "dotnet-reportgenerator-globaltool";

    /// <summary>The HTML report's start page.</summary>
    public string HtmlFile => Path.Combine(Directory, "index.html");

    /// <summary>The merged Cobertura file.</summary>
    public string CoberturaFile => Path.Combine(Directory, "Cobertura.xml");

    /// <summary>The Markdown summary, made for the GitHub step summary.</summary>
    public string MarkdownSummaryFile => Path.Combine(Directory, "SummaryGithub.md");

    /// <summary>The line coverage as people read it: "87.3%".</summary>
    public string LineCoverageText => FormatPercent(LineCoverage);

    /// <summary>Merges the Cobertura files into a report in the target folder and reads its line coverage.</summary>
    /// <param name="coberturaFiles">The coverage of each test run.</param>
    /// <param name="targetDirectory">Where the report goes.</param>
    /// <param name="rootDirectory">The repository root, whose .config/dotnet-tools.json pins ReportGenerator; it is restored when missing.</param>
    /// <param name="cancellationToken">Stops ReportGenerator.</param>
    public static async Task<CoverageReport> CreateAsync(
        IReadOnlyList<string> coberturaFiles, string targetDirectory, string rootDirectory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(coberturaFiles);
        ArgumentNullException.ThrowIfNull(targetDirectory);
        if (coberturaFiles.Count == 0)
        {
            throw new KilnException("There is no coverage to report: run the tests with the \"XPlat Code Coverage\" collector first.");
        }

        var manifest = DotNetToolManifest.Read(rootDirectory);
        if (!manifest.Tools.ContainsKey(ToolPackage))
        {
            throw new KilnException($"{manifest.Path} has no {ToolPackage}: add it with 'dotnet tool install {ToolPackage} --version 5.6.0' in {manifest.RootDirectory}.");
        }

        System.IO.Directory.CreateDirectory(targetDirectory);
        await manifest.RunAsync(
            "reportgenerator",
            [
                $"-reports:{string.Join(';', coberturaFiles.Select(Path.GetFullPath))}",
                $"-targetdir:{Path.GetFullPath(targetDirectory)}",
                "-reporttypes:Html;Cobertura;MarkdownSummaryGithub",
                "-verbosity:Warning",
            ],
            cancellationToken: cancellationToken).ConfigureAwait(false);

        var report = new CoverageReport(targetDirectory, 0);
        report = report with { LineCoverage = ReadLineCoverage(report.CoberturaFile) };
        Reporting.RunRecorder.RecordCoverage(report.LineCoverage);
        return report;
    }

    /// <summary>
    /// The line coverage of a Cobertura file, in percent: lines-covered / lines-valid of its root element, or its
    /// line-rate when those are absent or count no lines.
    /// </summary>
    public static double ReadLineCoverage(string coberturaFile)
    {
        ArgumentNullException.ThrowIfNull(coberturaFile);

        // ReportGenerator's Cobertura starts with a DOCTYPE, which XDocument refuses by default.
        using var reader = XmlReader.Create(coberturaFile, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
        var coverage = XDocument.Load(reader).Root;
        if (coverage?.Name.LocalName != "coverage")
        {
            throw new KilnException($"{coberturaFile} is not a Cobertura file (its root is not <coverage>): delete it and run the tests again.");
        }

        double? Read(string name) =>
            double.TryParse(coverage.Attribute(name)?.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
        if (Read("lines-covered") is { } covered && Read("lines-valid") is > 0 and var valid)
        {
            return covered / valid * 100;
        }

        return Read("line-rate") is { } rate
            ? rate * 100
            : throw new KilnException($"{coberturaFile} has no line-rate on <coverage>: it is not a coverage report Kiln can read.");
    }

    /// <summary>A percentage with one decimal: "87.3%".</summary>
    internal static string FormatPercent(double percent) =>
        string.Create(CultureInfo.InvariantCulture, $"{Math.Round(percent, 1):0.0}%");
}
