using Kiln.Scanning;
using Kiln.Scanning.Dependencies;
using Kiln.Scanning.Secrets;

namespace Kiln.Components;

/// <summary>
/// Scan: style (dotnet format), analyzers (the compiler's SARIF logs), vulnerable and unlicensed package dependencies,
/// and secrets (tracked files and the commits since the last release tag), as one target that lists every finding with
/// its file and line and writes one SARIF 2.1.0 log and a CycloneDX 1.5 SBOM. A build implements
/// <see cref="ScanSolution"/> and makes its compile a dependency (<c>.DependentFor&lt;IScan&gt;(x =&gt; x.Scan)</c>), so
/// that the compiler logs are current; any other member can be replaced one at a time, parameters included
/// (<c>[Parameter] public ScanCategory[] ScanWarnOnly { get; init; } = [];</c>).
/// </summary>
public interface IScan
{
    /// <summary>The solution whose style, compiler logs and packages Scan checks.</summary>
    AbsolutePath ScanSolution { get; }

    /// <summary>Where Scan writes kiln.sarif, sbom.cdx.json and dotnet format's report (artifacts/scan).</summary>
    AbsolutePath ScanDirectory => KilnBuild.RootDirectory / "artifacts" / "scan";

    /// <summary>Categories whose findings are warnings that do not fail Scan.</summary>
    ScanCategory[] ScanWarnOnly => [];

    /// <summary>Advisory files or folders (GitHub advisory database JSON) to check the packages against, offline too.</summary>
    string[] Advisories => [];

    /// <summary>The licenses (SPDX ids) package dependencies may have.</summary>
    string[] AllowedLicenses => [.. LicensePolicy.DefaultAllowed];

    /// <summary>Packages whose license a person has checked, with what they found; they pass whatever their license.</summary>
    IReadOnlyDictionary<string, string> LicenseExceptions => new Dictionary<string, string>();

    /// <summary>The secret scan's settings: allow-list file, release tag pattern, size limit.</summary>
    SecretScannerOptions SecretScanOptions => new();

    /// <summary>Runs every check, reports each finding, writes the SARIF log and the SBOM, and fails on findings.</summary>
    Target Scan => _ => _
        .Description("Checks style, analyzers, vulnerable and unlicensed dependencies and secrets; writes artifacts/scan/kiln.sarif and the SBOM artifacts/scan/sbom.cdx.json.")
        .Produces("artifacts/scan/*.sarif", "artifacts/scan/*.cdx.json")
        .Executes(cancellationToken => ScanRun.RunAsync(this, cancellationToken));

    /// <summary>The secret scan of the staged changes, which the pre-commit hook runs.</summary>
    Target ScanStaged => _ => _
        .Description("Scans the staged changes for secrets (the pre-commit hook InstallHooks installs runs it).")
        .Unlisted()
        .Executes(cancellationToken => ScanRun.ScanStagedAsync(this, cancellationToken));

    /// <summary>Installs the git pre-commit hook that runs <see cref="ScanStaged"/>.</summary>
    Target InstallHooks => _ => _
        .Description("Installs a git pre-commit hook that scans the staged changes for secrets.")
        .Executes(async cancellationToken =>
        {
            var hook = await PreCommitHook.InstallAsync(KilnBuild.RootDirectory, nameof(ScanStaged), cancellationToken).ConfigureAwait(false);
            Log.Information($"Installed the pre-commit hook {hook}: each commit's staged changes are scanned for secrets.");
            KilnBuild.ReportSummary(hook.RelativeTo(KilnBuild.RootDirectory));
        });
}
