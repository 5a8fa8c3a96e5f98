namespace Kiln.Versioning.Configuration;

/// <summary>When a version is not incremented (GitVersion's <c>prevent-increment</c>); null means inherited.</summary>
public sealed record PreventIncrementConfiguration
{
    /// <summary>A version taken from a merged branch's name is not incremented.</summary>
    public bool? OfMergedBranch { get; init; }

    /// <summary>No increment when the branch was merged.</summary>
    public bool? WhenBranchMerged { get; init; }

    /// <summary>True: a tagged HEAD reports the tag itself; false: it already computes the next pre-release.</summary>
    public bool? WhenCurrentCommitTagged { get; init; }
}
