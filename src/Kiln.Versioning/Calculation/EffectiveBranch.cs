using Kiln.Versioning.Configuration;

namespace Kiln.Versioning.Calculation;

/// <summary>A branch with every configuration value resolved: its own, else the source branch's (Inherit), else the global one.</summary>
internal sealed record EffectiveBranch
{
    /// <summary>The short branch name (origin/ stripped).</summary>
    public required string Name { get; init; }

    /// <summary>The branch configuration that matched (main, develop, feature, ..., unknown).</summary>
    public required BranchConfiguration Configuration { get; init; }

    /// <summary>
    /// The finished pre-release label name, placeholders filled and characters escaped; null when no configuration sets
    /// one: then a pre-release tag of any label is a base, and its label is kept.
    /// </summary>
    public required string? Label { get; init; }

    /// <summary>The field this branch increments; never Inherit.</summary>
    public required IncrementStrategy Increment { get; init; }

    public required DeploymentMode Mode { get; init; }

    public required bool PreventIncrementOfMergedBranch { get; init; }

    public required bool PreventIncrementWhenBranchMerged { get; init; }

    public required bool PreventIncrementWhenCurrentCommitTagged { get; init; }

    public required bool TrackMergeTarget { get; init; }

    public required bool TrackMergeMessage { get; init; }

    public required bool TracksReleaseBranches { get; init; }

    public required bool IsReleaseBranch { get; init; }

    public required bool IsMainBranch { get; init; }

    /// <summary>The release branch whose name gives the version: this one, or the one an inheriting branch was created from.</summary>
    public string? VersionBranchName { get; init; }

    public required int PreReleaseWeight { get; init; }
}
