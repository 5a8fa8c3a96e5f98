using System.Globalization;
using Kiln.Scanning;
using Kiln.Scanning.Dependencies;
using Kiln.Scanning.Secrets;
using Kiln.Tooling;

namespace Kiln.Components;

/// <summary>What the targets of <see cref="IScan"/> do, kept out of the interface so that it reads as a list of members.</summary>
internal static class ScanRun
{
    public static async Task RunAsync(IScan scan, CancellationToken cancellationToken)
    {
        var root = KilnBuild.RootDirectory;
        var packages = PackageGraph.Read(scan.ScanSolution, root);
        var vulnerabilities = await new VulnerabilityCheck { AdvisoryPaths = [.. scan.Advisories.Select(path => (string)(root / path))] }
            .RunAsync(packages, cancellationToken).ConfigureAwait(false);
        var secrets = await ScanSecretsAsync(scan, root, cancellationToken).ConfigureAwait(false);
        var results = new List<ScanResult>
        {
            await StyleCheck.RunAsync(scan.ScanSolution, root, scan.ScanDirectory, cancellationToken).ConfigureAwait(false),
            await AnalyzerCheck.RunAsync(packages.Projects.Select(project => root / project.ProjectFile), root, cancellationToken).ConfigureAwait(false),
            vulnerabilities.IsChecked
                ? ScanResult.Found(ScanCategory.Vulnerabilities, vulnerabilities.Findings, vulnerabilities.Summary)
                : ScanResult.NotChecked(ScanCategory.Vulnerabilities, vulnerabilities.NotCheckedReason!),
            ScanResult.Found(ScanCategory.Licenses, LicenseCheck.Run(packages, new LicensePolicy { Allowed = scan.AllowedLicenses, Exceptions = scan.LicenseExceptions })),
            secrets,
        };

        var report = new ScanReport(results, scan.ScanWarnOnly);
        var sarif = scan.ScanDirectory / "kiln.sarif";
        var sbom = scan.ScanDirectory / "sbom.cdx.json";
        await SarifLog.WriteAsync(report, sarif, cancellationToken).ConfigureAwait(false);

        // The commit's time, not the clock's: the same commit gives the same SBOM.
        await CycloneDxBom.WriteAsync(packages, sbom, await CommitTimeAsync(root, cancellationToken).ConfigureAwait(false), Path.GetFileNameWithoutExtension(scan.ScanSolution), cancellationToken).ConfigureAwait(false);

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

        KilnBuild.ReportSummary(report.Summary);
        Log.Information($"scan: {report.Summary} ({sarif.RelativeTo(root)}, SBOM {sbom.RelativeTo(root)})");
        if (report.FailureMessage(sarif.RelativeTo(root)) is { } failure)
        {
            throw new KilnException(failure);
        }
    }

    public static async Task ScanStagedAsync(IScan scan, CancellationToken cancellationToken)
    {
        var result = await new SecretScanner(scan.SecretScanOptions).ScanStagedAsync(KilnBuild.RootDirectory, cancellationToken).ConfigureAwait(false);
        foreach (var finding in result.Findings)
        {
            Log.Error(finding.Message, finding.File, finding.Line, finding.RuleId);
        }

        KilnBuild.ReportSummary($"secrets {result.Findings.Count} in {result.FilesScanned} staged file(s)");
        if (result.Findings.Count > 0)
        {
            throw new KilnException($"The staged changes hold {result.Findings.Count} secret(s), listed above: unstage and remove them, or allow-list a false positive in {scan.SecretScanOptions.AllowListFile}.");
        }
    }

    /// <summary>Tracked files as they are, and the lines the commits since the last release tag added (a secret deleted since is still leaked).</summary>
    private static async Task<ScanResult> ScanSecretsAsync(IScan scan, AbsolutePath root, CancellationToken cancellationToken)
    {
        var scanner = new SecretScanner(scan.SecretScanOptions);
        var tracked = await scanner.ScanTrackedFilesAsync(root, cancellationToken).ConfigureAwait(false);
        var commits = await scanner.ScanCommitsSinceLastReleaseAsync(root, cancellationToken).ConfigureAwait(false);
        foreach (var note in tracked.Notes.Concat(commits.Notes))
        {
            Log.Information(note);
        }

        return ScanResult.Found(
            ScanCategory.Secrets,
            tracked.Findings.Concat(commits.Findings).DistinctBy(finding => (finding.RuleId, finding.File, finding.Line, finding.Column)),
            string.Create(CultureInfo.InvariantCulture, $"{tracked.FilesScanned} tracked file(s), {commits.FilesScanned} changed in commits"));
    }

    private static async Task<DateTimeOffset> CommitTimeAsync(AbsolutePath root, CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync(
            new ToolCommand("git", ["log", "-1", "--format=%ct", "HEAD"]) { WorkingDirectory = root, EchoOutput = false, SuccessExitCodes = [0, 128] },
            cancellationToken).ConfigureAwait(false);

        // A repository without a commit yet has no commit time; the SBOM then carries the clock's.
        return result.ExitCode == 0 && long.TryParse(result.StandardOutput.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : DateTimeOffset.UtcNow;
    }
}
