using System.Text.RegularExpressions;

namespace Kiln.Versioning.Configuration;

/// <summary>
/// The settings of one branch kind (<c>branches.&lt;name&gt;</c>), or the global defaults. A null value is
/// unset: it is inherited from the global configuration, or from the source branch for Inherit.
/// </summary>
public sealed record BranchConfiguration
{
    /// <summary>The configuration's name (main, develop, feature, ...); empty for the global defaults.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Matches the branch's short name (origin/ stripped), case-insensitively.</summary>
    public Regex? Regex { get; init; }

    /// <summary>The pre-release label; may hold {GroupName} and {env:VAR} placeholders; empty means no label name.</summary>
    public string? Label { get; init; }

    /// <summary>The field this branch increments.</summary>
    public IncrementStrategy? Increment { get; init; }

    /// <summary>The deployment mode.</summary>
    public DeploymentMode? Mode { get; init; }

    /// <summary>When not to increment.</summary>
    public PreventIncrementConfiguration PreventIncrement { get; init; } = new();

    /// <summary>Also use tags on merge commits that merged this branch elsewhere.</summary>
    public bool? TrackMergeTarget { get; init; }

    /// <summary>Use versions from merge messages.</summary>
    public bool? TrackMergeMessage { get; init; }

    /// <summary>Open release branches give base versions (develop).</summary>
    public bool? TracksReleaseBranches { get; init; }

    /// <summary>A version in the branch name counts.</summary>
    public bool? IsReleaseBranch { get; init; }

    /// <summary>A main branch: its tags are seen by other branches.</summary>
    public bool? IsMainBranch { get; init; }

    /// <summary>Added to the pre-release number for WeightedPreReleaseNumber.</summary>
    public int? PreReleaseWeight { get; init; }

    /// <summary>The branch configurations this kind may be created from (for Inherit).</summary>
    public IReadOnlyList<string>? SourceBranches { get; init; }

    /// <summary>The branch configurations this kind is a source for (added to their source-branches).</summary>
    public IReadOnlyList<string>? IsSourceBranchFor { get; init; }
}
