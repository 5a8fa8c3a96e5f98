namespace Kiln.Versioning.Configuration;

/// <summary>A source of base versions (GitVersion's <c>strategies</c>).</summary>
public enum VersionStrategy
{
    /// <summary>0.0.0 when nothing else applies.</summary>
    Fallback,

    /// <summary>The configured <c>next-version</c>.</summary>
    ConfiguredNextVersion,

    /// <summary>Versions named in merge messages (<c>Merge branch 'release/2.0.0'</c>).</summary>
    MergeMessage,

    /// <summary>Version tags reachable from HEAD.</summary>
    TaggedCommit,

    /// <summary>Open release branches, for branches that track them (develop).</summary>
    TrackReleaseBranches,

    /// <summary>A version in the current release branch's name.</summary>
    VersionInBranchName,

    /// <summary>The Mainline walk (TrunkBased).</summary>
    Mainline,
}
