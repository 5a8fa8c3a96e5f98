namespace Kiln.Scanning.Dependencies;

/// <summary>Which package licenses a build accepts: an allow list of SPDX identifiers, and packages accepted anyway, each with its reason.</summary>
public sealed class LicensePolicy
{
    /// <summary>The licenses allowed when a build sets none: MIT, Apache-2.0, BSD-2-Clause, BSD-3-Clause.</summary>
    public static IReadOnlyList<string> DefaultAllowed { get; } = ["MIT", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause"];

    /// <summary>
    /// The SPDX license identifiers allowed (compared ignoring case). A whole <c>License WITH Exception</c> term may be
    /// listed too.
    /// </summary>
    public IReadOnlyCollection<string> Allowed { get; init; } = DefaultAllowed;

    /// <summary>
    /// Packages accepted whatever their license: package id (ignoring case) to the reason, which the report keeps
    /// (<c>["xunit.abstractions"] = "Apache-2.0, stated at the licenseUrl"</c>). A reason is required.
    /// </summary>
    public IReadOnlyDictionary<string, string> Exceptions { get; init; } = new Dictionary<string, string>();
}
