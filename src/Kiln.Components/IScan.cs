using Kiln.Scanning;
using Kiln.Scanning.Dependencies;
using Kiln.Scanning.Secrets;

namespace Kiln.Components;

/// <summary>
/// Scan: style (dotnet format), analyzers (the compiler's SARIF logs), vulnerable and unlicensed package dependencies,
/// and secrets (tracked files and the commits since the last release tag), as one target that lists every finding with
/// its file and line and writes one SARIF 2.1.0 log and a CycloneDX 1.5 SBOM. It scans <see cref="IHazSolution.Solution"/>;
/// when the build has <see cref="ICompile"/>, Scan runs after Compile so that the compiler logs are current. Any member
/// can be replaced one at a time (<c>public IReadOnlyDictionary&lt;string, string&gt; LicenseExceptions =&gt; ...</c>).
/// </summary>
public interface IScan : IHazSolution
{
    /// <summary>The solution whose style, compiler logs and packages Scan checks.</summary>
    AbsolutePath ScanSolution => Solution;

    /// <summary>Where Scan writes kiln.sarif, sbom.cdx.json and dotnet format's report (artifacts/scan).</summary>
    AbsolutePath ScanDirectory => KilnBuild.RootDirectory / "artifacts" / "scan";

    /// <summary>Categories whose findings are warnings that do not fail Scan.</summary>
    [Parameter("Scan categories whose findings are reported as warnings and do not fail Scan (style, analyzers, vulnerabilities, licenses, secrets).")]
    ScanCategory[] ScanWarnOnly => this.ParameterValue<IScan, ScanCategory[]>([]);

    /// <summary>Advisory files or folders (GitHub advisory database JSON) to check the packages against, offline too.</summary>
    [Parameter("Advisory files or folders (GitHub advisory database JSON) that Scan checks the packages against, offline too.")]
    string[] Advisories => this.ParameterValue<IScan, string[]>([]);

    /// <summary>The licenses (SPDX ids) package dependencies may have.</summary>
    string[] AllowedLicenses => [.. LicensePolicy.DefaultAllowed];

    /// <summary>Packages whose license a person has checked, with what they found; they pass whatever their license.</summary>
    IReadOnlyDictionary<string, string> LicenseExceptions => new Dictionary<string, string>();

    /// <summary>The secret scan's settings: allow-list file, release tag pattern, size limit.</summary>
    SecretScannerOptions SecretScanOptions => new();

    /// <summary>Runs every check, reports each finding, writes the SARIF log and the SBOM, and fails on findings.</summary>
    Target Scan => _ => _
        .Description("Checks style, analyzers, vulnerable and unlicensed dependencies and secrets; writes artifacts/scan/kiln.sarif and the SBOM artifacts/scan/sbom.cdx.json.")
        .DependsOnIfImplemented<ICompile>(this, x => x.Compile)
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
