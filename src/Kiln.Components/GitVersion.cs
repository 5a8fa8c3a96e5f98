using System.Globalization;
using Kiln.Versioning.Output;

namespace Kiln.Components;

/// <summary>
/// HEAD's version under the names NUKE's <c>GitVersion</c> has, as <c>[GitVersion] readonly GitVersion GitVersion;</c>
/// injects it. The values are Kiln.Versioning's (GitVersion 6's calculation, the repository's <c>GitVersion.yml</c>);
/// the names GitVersion 6 dropped (<see cref="NuGetVersionV2"/>, <see cref="LegacySemVer"/> and their kin) are
/// derived as GitVersion 5 derived them, so a package version a NUKE build produced stays the same.
/// </summary>
public sealed class GitVersion
{
    // GitVersion 5's legacy-semver-padding default, and the longest pre-release tag NuGet v2 feeds accepted.
    private const int LegacyPadding = 4;
    private const int LegacyTagLength = 20;

    /// <summary>Wraps version variables that Kiln.Versioning computed.</summary>
    /// <param name="variables">The variables, from <see cref="Versioning.GitVersion.CalculateAsync"/> or <see cref="IHazGitVersion.Versions"/>.</param>
    public GitVersion(VersionVariables variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        Variables = variables;
    }

    /// <summary>Every GitVersion 6 variable, as <see cref="IHazGitVersion.Versions"/> gives them.</summary>
    public VersionVariables Variables { get; }

    /// <summary>The major version.</summary>
    public int Major => checked((int)Variables.Major);

    /// <summary>The minor version.</summary>
    public int Minor => checked((int)Variables.Minor);

    /// <summary>The patch version.</summary>
    public int Patch => checked((int)Variables.Patch);

    /// <summary><c>Major.Minor.Patch</c>: <c>1.2.3</c>.</summary>
    public string MajorMinorPatch => Variables.MajorMinorPatch;

    /// <summary>The pre-release tag (<c>beta.1</c>), or empty for a release.</summary>
    public string PreReleaseTag => Variables.PreReleaseTag;

    /// <summary><c>-</c> + <see cref="PreReleaseTag"/>, or empty for a release.</summary>
    public string PreReleaseTagWithDash => Variables.PreReleaseTagWithDash;

    /// <summary>The pre-release label (<c>beta</c>), or empty.</summary>
    public string PreReleaseLabel => Variables.PreReleaseLabel;

    /// <summary><c>-</c> + <see cref="PreReleaseLabel"/>, or empty.</summary>
    public string PreReleaseLabelWithDash => Variables.PreReleaseLabelWithDash;

    /// <summary>The pre-release number, or null for a release.</summary>
    public int? PreReleaseNumber => Variables.PreReleaseNumber is { } number ? checked((int)number) : null;

    /// <summary>The pre-release number plus the branch's pre-release weight.</summary>
    public int WeightedPreReleaseNumber => checked((int)Variables.WeightedPreReleaseNumber);

    /// <summary>The commit count as build metadata, or null (set only in ManualDeployment on an untagged HEAD).</summary>
    public int? BuildMetaData => Variables.BuildMetaData is { } count ? checked((int)count) : null;

    /// <summary><see cref="BuildMetaData"/> padded to four digits (<c>0005</c>), or empty.</summary>
    public string BuildMetaDataPadded => Variables.BuildMetaData is { } count ? Padded(count) : string.Empty;

    /// <summary><c>[count.]Branch.&lt;branch&gt;.Sha.&lt;sha&gt;</c>.</summary>
    public string FullBuildMetaData => Variables.FullBuildMetaData;

    /// <summary><c>1.2.3-beta.1</c>: the version with its pre-release tag.</summary>
    public string SemVer => Variables.SemVer;

    /// <summary><see cref="SemVer"/> with build metadata when there is some: <c>1.2.3-beta.1+5</c>.</summary>
    public string FullSemVer => Variables.FullSemVer;

    /// <summary>The assembly version (<c>1.2.3.0</c>); null when GitVersion.yml sets the scheme None.</summary>
    public string? AssemblySemVer => Variables.AssemblySemVer;

    /// <summary>The file version (<c>1.2.3.0</c>); null when GitVersion.yml sets the scheme None.</summary>
    public string? AssemblySemFileVer => Variables.AssemblySemFileVer;

    /// <summary>The informational version: <c>1.2.3-beta.1+Branch.main.Sha.&lt;sha&gt;</c>.</summary>
    public string InformationalVersion => Variables.InformationalVersion;

    /// <summary>The version with GitVersion 5's legacy tag: <c>1.2.3-beta1</c> (no dot, unpadded number).</summary>
    public string LegacySemVer => WithLegacyTag(LegacyTag(padding: 0));

    /// <summary>The version with GitVersion 5's padded legacy tag: <c>1.2.3-beta0001</c>.</summary>
    public string LegacySemVerPadded => WithLegacyTag(LegacyTag(LegacyPadding));

    /// <summary>The version for NuGet v2 feeds as GitVersion 5 wrote it: <c>1.2.3-beta0001</c>, lower case; <c>1.2.3</c> for a release.</summary>
    public string NuGetVersionV2 => WithLegacyTag(NuGetPreReleaseTagV2);

    /// <summary>The same as <see cref="NuGetVersionV2"/>, as in GitVersion 5.</summary>
    public string NuGetVersion => NuGetVersionV2;

    /// <summary>The pre-release tag of <see cref="NuGetVersionV2"/> (<c>beta0001</c>), or empty for a release.</summary>
    public string NuGetPreReleaseTagV2 => LegacyTag(LegacyPadding).ToLowerInvariant();

    /// <summary>The same as <see cref="NuGetPreReleaseTagV2"/>, as in GitVersion 5.</summary>
    public string NuGetPreReleaseTag => NuGetPreReleaseTagV2;

    /// <summary>The short branch name: <c>main</c>, <c>feature/foo</c>.</summary>
    public string BranchName => Variables.BranchName;

    /// <summary>The branch name with characters outside <c>[a-zA-Z0-9-]</c> replaced by <c>-</c>.</summary>
    public string EscapedBranchName => Variables.EscapedBranchName;

    /// <summary>HEAD's full commit id.</summary>
    public string Sha => Variables.Sha;

    /// <summary>The first 7 characters of <see cref="Sha"/>.</summary>
    public string ShortSha => Variables.ShortSha;

    /// <summary>The commit the version was counted from, or null.</summary>
    public string? VersionSourceSha => Variables.VersionSourceSha;

    /// <summary>The commits since the version source (0 on a tagged HEAD).</summary>
    public int CommitsSinceVersionSource => checked((int)Variables.CommitsSinceVersionSource);

    /// <summary><see cref="CommitsSinceVersionSource"/> padded to four digits: <c>0003</c>.</summary>
    public string CommitsSinceVersionSourcePadded => Padded(Variables.CommitsSinceVersionSource);

    /// <summary>How many paths differ from HEAD in the index or working tree.</summary>
    public int UncommittedChanges => checked((int)Variables.UncommittedChanges);

    /// <summary>HEAD's commit date in <c>commit-date-format</c> (<c>yyyy-MM-dd</c>).</summary>
    public string CommitDate => Variables.CommitDate;

    /// <summary>Returns <see cref="FullSemVer"/>.</summary>
    public override string ToString() => FullSemVer;

    private static string Padded(long value) => value.ToString("D" + LegacyPadding.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private string WithLegacyTag(string tag) => tag.Length == 0 ? MajorMinorPatch : $"{MajorMinorPatch}-{tag}";

    // GitVersion 5's legacy tag: the label's first dotted part without dashes, then the number (padded when asked),
    // a dash between them when the label ends in a digit, the whole cut to the 20 characters NuGet v2 accepted.
    private string LegacyTag(int padding)
    {
        if (PreReleaseTag.Length == 0)
        {
            return string.Empty;
        }

        var label = PreReleaseLabel.Split('.')[0].Replace("-", string.Empty, StringComparison.Ordinal);
        var number = Variables.PreReleaseNumber is { } value
            ? value.ToString(padding > 0 ? "D" + padding.ToString(CultureInfo.InvariantCulture) : null, CultureInfo.InvariantCulture)
            : string.Empty;
        if (number.Length > 0 && label.Length > 0 && char.IsAsciiDigit(label[^1]))
        {
            number = "-" + number;
        }

        return label.Length + number.Length > LegacyTagLength
            ? label[..(LegacyTagLength - number.Length)] + number
            : label + number;
    }
}
