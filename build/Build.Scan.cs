using Kiln;
using Kiln.Scanning;
using Kiln.Scanning.Dependencies;

/// <summary>
/// Scan: style, analyzers, dependencies and secrets in one target; every finding is listed with its file and line and
/// written to artifacts/scan/kiln.sarif (for GitHub code scanning) beside the SBOM.
/// </summary>
partial class Build
{
    [Parameter("Scan categories whose findings are reported as warnings and do not fail Scan (style, analyzers, vulnerabilities, licenses, secrets).")]
    readonly ScanCategory[] ScanWarnOnly = [];

    [Parameter("Advisory files or folders (GitHub advisory database JSON) that Scan checks the packages against, offline too.")]
    readonly string[] Advisories = [];

    [Parameter("The licenses (SPDX ids) package dependencies may have.")]
    readonly string[] AllowedLicenses = [.. LicensePolicy.DefaultAllowed];

    /// <summary>Packages whose license Scan cannot read but a person has checked, with what they found.</summary>
    static readonly Dictionary<string, string> LicenseExceptions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["xunit.abstractions"] = "Apache-2.0: its nuspec names only a licenseUrl, xunit's license.txt; a test-only dependency of xunit.",
    };

    static AbsolutePath ScanDirectory => ArtifactsDirectory / "scan";

    static AbsolutePath SbomFile => ScanDirectory / "sbom.cdx.json";

    static AbsolutePath SarifFile => ScanDirectory / "kiln.sarif";

    Target Scan => _ => _
        .Description("Checks style (dotnet format), analyzers, vulnerable and unlicensed dependencies and secrets; writes artifacts/scan/kiln.sarif and an SBOM.")
        .DependsOn(Compile)
        .Produces("artifacts/scan/*.sarif", "artifacts/scan/*.cdx.json")
        .Executes(async cancellationToken =>
        {
            var packages = PackageGraph.Read(Solution, RootDirectory);
            var vulnerabilities = await new VulnerabilityCheck { AdvisoryPaths = [.. Advisories.Select(path => (string)(RootDirectory / path))] }.RunAsync(packages, cancellationToken);
            var results = new List<ScanResult>
            {
                await StyleCheck.RunAsync(Solution, RootDirectory, ScanDirectory, cancellationToken),
                await AnalyzerCheck.RunAsync(ScanDirectory / "compiler" / Configuration.ToString(), RootDirectory, cancellationToken),
                vulnerabilities.IsChecked
                    ? ScanResult.Found(ScanCategory.Vulnerabilities, vulnerabilities.Findings, vulnerabilities.Summary)
                    : ScanResult.NotChecked(ScanCategory.Vulnerabilities, vulnerabilities.NotCheckedReason!),
                ScanResult.Found(ScanCategory.Licenses, LicenseCheck.Run(packages, new LicensePolicy { Allowed = AllowedLicenses, Exceptions = LicenseExceptions })),
            };

            // The commit's time, not the clock's: the same commit gives the same SBOM.
            var commitTime = DateTimeOffset.FromUnixTimeSeconds(long.Parse(await CommitTimestampAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture));
            await CycloneDxBom.WriteAsync(packages, SbomFile, commitTime, "Kiln", cancellationToken);

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
            Log.Information($"scan: {report.Summary} ({SarifFile.RelativeTo(RootDirectory)}; SBOM {SbomFile.RelativeTo(RootDirectory)})");
            if (report.FailureMessage(SarifFile.RelativeTo(RootDirectory)) is { } failure)
            {
                throw new KilnException(failure);
            }
        });
}
