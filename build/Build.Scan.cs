using Kiln;
using Kiln.Scanning;

/// <summary>
/// Scan: style, analyzers, dependencies and secrets in one target; every finding is listed with its file and line and
/// written to artifacts/scan/kiln.sarif (for GitHub code scanning) beside the SBOM.
/// </summary>
partial class Build
{
    [Parameter("Scan categories whose findings are reported as warnings and do not fail Scan (style, analyzers, vulnerabilities, licenses, secrets).")]
    readonly ScanCategory[] ScanWarnOnly = [];

    static AbsolutePath ScanDirectory => ArtifactsDirectory / "scan";

    static AbsolutePath SarifFile => ScanDirectory / "kiln.sarif";

    Target Scan => _ => _
        .Description("Checks style (dotnet format), analyzers, vulnerable and unlicensed dependencies and secrets; writes artifacts/scan/kiln.sarif and an SBOM.")
        .DependsOn(Compile)
        .Produces("artifacts/scan/*.sarif", "artifacts/scan/*.cdx.json")
        .Executes(async cancellationToken =>
        {
            var results = new List<ScanResult>
            {
                await StyleCheck.RunAsync(Solution, RootDirectory, ScanDirectory, cancellationToken),
                await AnalyzerCheck.RunAsync(ScanDirectory / "compiler" / Configuration.ToString(), RootDirectory, cancellationToken),
            };

            var report = new ScanReport(results, ScanWarnOnly);
            await SarifLog.WriteAsync(report, SarifFile, cancellationToken);
            foreach (var finding in report.Findings)
            {
                if (report.IsError(finding))
                {
                    Log.Error(finding.Message, finding.File, finding.Line, finding.RuleId);
                }
                else
                {
                    Log.Warning(finding.ToString());
                }
            }

            foreach (var result in report.Results.Where(result => !result.Checked))
            {
                Log.Warning($"{result}: {result.NotCheckedReason}");
            }

            ReportSummary(report.Summary);
            Log.Information($"scan: {report.Summary} ({SarifFile.RelativeTo(RootDirectory)})");
            if (report.FailureMessage(SarifFile.RelativeTo(RootDirectory)) is { } failure)
            {
                throw new KilnException(failure);
            }
        });
}
