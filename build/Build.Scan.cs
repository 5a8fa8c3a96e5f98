/// <summary>
/// Scan (IScan): style, analyzers, dependencies and secrets; every finding with its file and line, and
/// artifacts/scan/kiln.sarif (for GitHub code scanning) beside the SBOM. ./build.sh InstallHooks adds the pre-commit
/// secret scan.
/// </summary>
partial class Build
{
    public IReadOnlyDictionary<string, string> LicenseExceptions { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["xunit.abstractions"] = "Apache-2.0: its nuspec names only a licenseUrl, xunit's license.txt; a test-only dependency of xunit.",
    };
}
