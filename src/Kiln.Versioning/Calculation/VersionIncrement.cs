namespace Kiln.Versioning.Calculation;

/// <summary>How a base version becomes the next one: GitVersion's increment rules for releases and pre-releases.</summary>
internal static class VersionIncrement
{
    /// <summary>
    /// Raises <paramref name="field"/> and applies <paramref name="label"/>. A release goes up a field, lower fields reset,
    /// and the label starts at 1. A pre-release with the same label only counts on: its number goes up, whatever the
    /// field, since it is already "before" a release. A pre-release of another label is raised only where needed
    /// (1.1.0-x raised Minor stays 1.1.0), and the label restarts at 1. A null label (none configured) keeps the
    /// pre-release's own label, and gives a release an empty one.
    /// </summary>
    public static SemanticVersion Apply(SemanticVersion version, VersionField field, string? label)
    {
        if (version.IsPreRelease && (label is null || string.Equals(version.PreRelease.Name, label, StringComparison.OrdinalIgnoreCase)))
        {
            return version with { PreRelease = version.PreRelease with { Number = (version.PreRelease.Number ?? 0) + 1 } };
        }

        var raised = version.IsPreRelease ? RaisePreRelease(version, field) : Raise(version, field);
        return raised with { PreRelease = new PreReleaseTag(label ?? string.Empty, 1) };
    }

    /// <summary>A version that is not incremented (next-version, a release branch's name, a merged release) only gains the label.</summary>
    public static SemanticVersion Label(SemanticVersion version, string? label) =>
        version.IsPreRelease ? version : version with { PreRelease = new PreReleaseTag(label ?? string.Empty, 1) };

    private static SemanticVersion Raise(SemanticVersion version, VersionField field) => field switch
    {
        VersionField.Major => version with { Major = version.Major + 1, Minor = 0, Patch = 0 },
        VersionField.Minor => version with { Minor = version.Minor + 1, Patch = 0 },
        VersionField.Patch => version with { Patch = version.Patch + 1 },
        _ => version,
    };

    private static SemanticVersion RaisePreRelease(SemanticVersion version, VersionField field) => field switch
    {
        VersionField.Major when version.Minor != 0 || version.Patch != 0 => version with { Major = version.Major + 1, Minor = 0, Patch = 0 },
        VersionField.Minor when version.Patch != 0 => version with { Minor = version.Minor + 1, Patch = 0 },
        _ => version,
    };
}
