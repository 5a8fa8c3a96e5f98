using Kiln;
using Kiln.Components;
using Kiln.Scanning;

/// <summary>
/// Scan (from Kiln.Components): style, analyzers, dependencies and secrets; every finding with its file and line, and
/// artifacts/scan/kiln.sarif (for GitHub code scanning) beside the SBOM. ./build.sh InstallHooks adds the pre-commit
/// secret scan.
/// </summary>
partial class Build : IScan
{
    [Parameter("Scan categories whose findings are reported as warnings and do not fail Scan (style, analyzers, vulnerabilities, licenses, secrets).")]
    public ScanCategory[] ScanWarnOnly { get; init; } = [];

    [Parameter("Advisory files or folders (GitHub advisory database JSON) that Scan checks the packages against, offline too.")]
    public string[] Advisories { get; init; } = [];

    public AbsolutePath ScanSolution => Solution;

    public IReadOnlyDictionary<string, string> LicenseExceptions { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["xunit.abstractions"] = "Apache-2.0: its nuspec names only a licenseUrl, xunit's license.txt; a test-only dependency of xunit.",
    };
}
