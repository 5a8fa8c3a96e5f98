namespace Kiln.Scanning.Dependencies;

/// <summary>
/// Checks every package of a <see cref="PackageGraph"/> against a <see cref="LicensePolicy"/>. A package is accepted when
/// its nuspec's license expression (or a well-known licenseUrl) is allowed, or when the policy has an exception for
/// it; anything else is a finding in <see cref="ScanCategory.Licenses"/> on the first project that uses it.
/// </summary>
public static class LicenseCheck
{
    /// <summary>The rule of a package whose license is known and not allowed.</summary>
    public const string NotAllowedRule = "license-not-allowed";

    /// <summary>The rule of a package whose license Kiln cannot identify (a license file, an unknown URL, none, an invalid expression).</summary>
    public const string UnknownRule = "license-unknown";

    /// <summary>The findings, one per package that is neither allowed nor excepted, in package order.</summary>
    /// <exception cref="KilnException">An exception in the policy has no reason.</exception>
    public static IReadOnlyList<ScanFinding> Run(PackageGraph graph, LicensePolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        policy ??= new LicensePolicy();
        var missingReason = policy.Exceptions.FirstOrDefault(exception => string.IsNullOrWhiteSpace(exception.Value)).Key;
        if (missingReason is not null)
        {
            throw new KilnException($"The license exception for {missingReason} has no reason: say why the package is accepted (who checked its license, and what it is).");
        }

        var allowed = new HashSet<string>(policy.Allowed, StringComparer.OrdinalIgnoreCase);
        var exceptions = new Dictionary<string, string>(policy.Exceptions, StringComparer.OrdinalIgnoreCase);
        var allowList = string.Join(", ", policy.Allowed);
        var findings = new List<ScanFinding>();
        foreach (var package in graph.Packages)
        {
            if (exceptions.ContainsKey(package.Id))
            {
                continue;
            }

            var users = graph.Projects
                .Where(project => project.Frameworks.Any(framework => framework.Packages.Any(resolved => resolved.Package.Purl == package.Purl)))
                .Select(project => project.ProjectFile)
                .ToList();
            var usedBy = users.Count == 0 ? "" : $" (used by {string.Join(", ", users)})";
            var except = $"add a license exception for {package.Id} with the reason";
            (string Rule, string Message)? finding = Evaluate(package.License, allowed) switch
            {
                Verdict.Allowed => ((string, string)?)null,
                Verdict.NotAllowed => (NotAllowedRule, $"{package}{usedBy} is licensed under {Describe(package.License)}, which the allow list ({allowList}) does not allow: replace the package, or {except} it is accepted."),
                Verdict.Invalid => (UnknownRule, $"{package}{usedBy} declares '{package.License.Value}', which is not a valid SPDX license expression: check its license by hand and {except}."),
                _ => (UnknownRule, $"{package}{usedBy} has an unknown license ({Describe(package.License)}): check it by hand and {except}."),
            };
            if (finding is { } found)
            {
                findings.Add(new ScanFinding(ScanCategory.Licenses, found.Rule, found.Message, users.FirstOrDefault()));
            }
        }

        return findings;
    }

    /// <summary>The SPDX expression that states the package's license (its expression, or the one a well-known licenseUrl maps to); null when unknown.</summary>
    internal static string? ExpressionOf(PackageLicense license) => license.Kind switch
    {
        PackageLicenseKind.Expression => license.Value,
        PackageLicenseKind.Url => LicenseUrls.ToExpression(license.Value),
        _ => null,
    };

    private static string Describe(PackageLicense license) =>
        license.Kind == PackageLicenseKind.Url && LicenseUrls.ToExpression(license.Value) is { } expression
            ? $"{expression} (from its licenseUrl {license.Value})"
            : license.ToString();

    private static Verdict Evaluate(PackageLicense license, IReadOnlySet<string> allowed)
    {
        if (ExpressionOf(license) is not { } expression)
        {
            return Verdict.Unknown;
        }

        try
        {
            return LicenseExpression.IsAllowed(expression, allowed) ? Verdict.Allowed : Verdict.NotAllowed;
        }
        catch (FormatException)
        {
            return Verdict.Invalid;
        }
    }

    private enum Verdict
    {
        Allowed,
        NotAllowed,
        Unknown,
        Invalid,
    }
}
