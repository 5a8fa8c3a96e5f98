using System.Globalization;
using System.Text.RegularExpressions;
using Kiln.Versioning.Configuration;

namespace Kiln.Versioning.Calculation;

/// <summary>A semantic version with GitVersion's pre-release split (label name and number); ordered as SemVer orders.</summary>
internal sealed partial record SemanticVersion(long Major, long Minor, long Patch, PreReleaseTag PreRelease) : IComparable<SemanticVersion>
{
    public static SemanticVersion Empty { get; } = new(0, 0, 0, new PreReleaseTag(string.Empty, null));

    public bool IsPreRelease => PreRelease.HasTag;

    public string MajorMinorPatch => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Patch}");

    public string SemVer => IsPreRelease ? $"{MajorMinorPatch}-{PreRelease}" : MajorMinorPatch;

    public SemanticVersion WithoutPreRelease() => this with { PreRelease = new PreReleaseTag(string.Empty, null) };

    /// <summary>Parses a version after the tag prefix has been removed; build metadata is dropped.</summary>
    public static bool TryParse(string text, SemanticVersionFormat format, out SemanticVersion version)
    {
        version = Empty;
        var match = (format == SemanticVersionFormat.Strict ? StrictPattern() : LoosePattern()).Match(text);
        if (!match.Success)
        {
            return false;
        }

        static long Part(Group group) => group.Success ? long.Parse(group.Value, NumberStyles.None, CultureInfo.InvariantCulture) : 0;
        var preRelease = match.Groups["pre"].Success ? PreReleaseTag.Parse(match.Groups["pre"].Value) : new PreReleaseTag(string.Empty, null);
        version = new SemanticVersion(Part(match.Groups["major"]), Part(match.Groups["minor"]), Part(match.Groups["patch"]), preRelease);
        return true;
    }

    public int CompareTo(SemanticVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        var order = Major.CompareTo(other.Major);
        order = order != 0 ? order : Minor.CompareTo(other.Minor);
        order = order != 0 ? order : Patch.CompareTo(other.Patch);
        if (order != 0)
        {
            return order;
        }

        // A release is above its pre-releases; pre-releases compare by name, then number.
        if (IsPreRelease != other.IsPreRelease)
        {
            return IsPreRelease ? -1 : 1;
        }

        order = string.Compare(PreRelease.Name, other.PreRelease.Name, StringComparison.OrdinalIgnoreCase);
        return order != 0 ? order : (PreRelease.Number ?? 0).CompareTo(other.PreRelease.Number ?? 0);
    }

    public static bool operator <(SemanticVersion left, SemanticVersion right) => left.CompareTo(right) < 0;

    public static bool operator >(SemanticVersion left, SemanticVersion right) => left.CompareTo(right) > 0;

    public static bool operator <=(SemanticVersion left, SemanticVersion right) => left.CompareTo(right) <= 0;

    public static bool operator >=(SemanticVersion left, SemanticVersion right) => left.CompareTo(right) >= 0;

    public override string ToString() => SemVer;

    [GeneratedRegex(@"^(?<major>0|[1-9]\d*)\.(?<minor>0|[1-9]\d*)\.(?<patch>0|[1-9]\d*)(-(?<pre>[0-9A-Za-z.-]+))?(\+(?<meta>[0-9A-Za-z.-]+))?$")]
    private static partial Regex StrictPattern();

    [GeneratedRegex(@"^(?<major>\d+)(\.(?<minor>\d+))?(\.(?<patch>\d+))?(\.(?<fourth>\d+))?(-?(?<pre>[0-9A-Za-z.-]*[A-Za-z][0-9A-Za-z.-]*|\d+))?(\+(?<meta>[0-9A-Za-z.-]+))?$")]
    private static partial Regex LoosePattern();
}
