using Kiln.Versioning.Configuration;

namespace Kiln.Versioning.Calculation;

/// <summary>What the calculator decided for HEAD; the output variables are all derived from this.</summary>
internal sealed record VersionResult
{
    /// <summary>The final version, after the deployment mode was applied (the pre-release number already adjusted).</summary>
    public required SemanticVersion Version { get; init; }

    /// <summary>The commit count as build metadata: set in ManualDeployment on an untagged HEAD, otherwise null.</summary>
    public long? BuildMetaData { get; init; }

    /// <summary>The short branch name (feature/foo, pull/2/merge); "(no branch)" on a detached HEAD without a hint.</summary>
    public required string BranchName { get; init; }

    /// <summary>HEAD's full commit id.</summary>
    public required string Sha { get; init; }

    /// <summary>HEAD's committer date.</summary>
    public required DateTimeOffset CommitDate { get; init; }

    /// <summary>The commit the version was counted from; null for next-version or the fallback without tags.</summary>
    public string? VersionSourceSha { get; init; }

    /// <summary>The counted commits (0 on a tagged HEAD that decided the version).</summary>
    public required long CommitsSinceVersionSource { get; init; }

    /// <summary>The base version the source gave, before incrementing.</summary>
    public required SemanticVersion VersionSourceSemVer { get; init; }

    /// <summary>The increment applied to the source version: None, Patch, Minor or Major.</summary>
    public required IncrementStrategy VersionSourceIncrement { get; init; }

    /// <summary>The effective branch's pre-release-weight.</summary>
    public required int PreReleaseWeight { get; init; }

    /// <summary>Paths differing between HEAD and the index or working tree (untracked included, ignored not).</summary>
    public required int UncommittedChanges { get; init; }

    /// <summary>The configuration in force (global formats, schemes, weights, commit-date-format).</summary>
    public required GitVersionConfiguration Configuration { get; init; }
}
