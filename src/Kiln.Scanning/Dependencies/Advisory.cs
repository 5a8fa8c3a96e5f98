using NuGet.Versioning;

namespace Kiln.Scanning.Dependencies;

/// <summary>
/// One security advisory in the GitHub advisory database's format (OSV): its GHSA id, summary, severity and the NuGet
/// package versions it affects.
/// </summary>
/// <param name="Id">The advisory id (GHSA-5crp-9r3c-p9vr).</param>
/// <param name="Aliases">Other ids of the same advisory (CVE-2024-21907).</param>
/// <param name="Summary">One line on what is wrong; empty when the advisory has none.</param>
/// <param name="Severity">As the database states it (low, moderate, high, critical); "unknown" when it does not.</param>
/// <param name="Affected">The NuGet packages it affects.</param>
internal sealed record Advisory(string Id, IReadOnlyList<string> Aliases, string Summary, string Severity, IReadOnlyList<AffectedPackage> Affected)
{
    /// <summary>The first match of the package version, with the version that fixes it; null when the advisory does not affect it.</summary>
    public AdvisoryMatch? Match(string packageId, NuGetVersion version) =>
        Affected
            .Where(affected => string.Equals(affected.PackageName, packageId, StringComparison.OrdinalIgnoreCase))
            .Select(affected => affected.Match(version))
            .FirstOrDefault(match => match is not null);
}
