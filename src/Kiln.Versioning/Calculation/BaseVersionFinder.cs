using Kiln.Versioning.Configuration;

namespace Kiln.Versioning.Calculation;

/// <summary>The base versions the enabled strategies propose for HEAD on a branch (every strategy but Mainline).</summary>
internal sealed class BaseVersionFinder(CalculationContext context)
{
    public IReadOnlyList<BaseVersion> Find(EffectiveBranch branch)
    {
        var strategies = context.Configuration.Strategies;
        var found = new List<BaseVersion>();
        if (strategies.Contains(VersionStrategy.TaggedCommit))
        {
            found.AddRange(TaggedCommits(branch));
        }

        if (strategies.Contains(VersionStrategy.MergeMessage) && branch.TrackMergeMessage)
        {
            found.AddRange(MergeMessages(branch));
        }

        if (strategies.Contains(VersionStrategy.VersionInBranchName) && branch.VersionBranchName is { } versionBranch && VersionInBranchName(versionBranch) is { } named)
        {
            found.Add(new BaseVersion($"Version in branch name '{versionBranch}'", named, null, ShouldIncrement: false));
        }

        if (strategies.Contains(VersionStrategy.TrackReleaseBranches) && branch.TracksReleaseBranches)
        {
            found.AddRange(ReleaseBranches(branch));
        }

        if (strategies.Contains(VersionStrategy.ConfiguredNextVersion) && NextVersion() is { } next)
        {
            found.Add(new BaseVersion("next-version", next, null, ShouldIncrement: false));
        }

        if (found.Count == 0 && (strategies.Contains(VersionStrategy.Fallback) || strategies.Count == 0))
        {
            found.Add(new BaseVersion("Fallback", SemanticVersion.Empty, null, ShouldIncrement: true));
        }

        return found;
    }

    /// <summary>The configured next-version, if any.</summary>
    public SemanticVersion? NextVersion() =>
        context.Configuration.NextVersion is { Length: > 0 } text && context.TryParseVersion(text, out var version) ? version : null;

    /// <summary>
    /// A version in a branch name, found with version-in-branch-pattern at the start of one of its parts: the name is cut
    /// at '/' (or at '-' when it has no '/' but a '-'), so release/2.0.0 and release-2.0.0 carry 2.0.0, and
    /// release/downgrade-to-3.2.1 carries none.
    /// </summary>
    public SemanticVersion? VersionInBranchName(string branchName)
    {
        var name = BranchClassifier.ShortName(branchName);
        var separator = name.Contains('/', StringComparison.Ordinal) || !name.Contains('-', StringComparison.Ordinal) ? '/' : '-';
        foreach (var part in name.Split(separator))
        {
            var match = context.Configuration.VersionInBranchPattern.Match(part);
            if (!match.Success || match.Index != 0)
            {
                continue;
            }

            var text = match.Groups["version"] is { Success: true } group ? group.Value : match.Value;
            if (context.TryParseVersion(text, out var version))
            {
                return version;
            }
        }

        return null;
    }

    /// <summary>
    /// Tags the branch sees, whose label fits it: on commits reachable from HEAD; for other than main and release branches
    /// also on main branches, and for develop on release branches; with track-merge-target on merge commits that merged
    /// this branch elsewhere. Tags off HEAD's history count only when not newer than HEAD, except merge targets.
    /// </summary>
    public IEnumerable<BaseVersion> TaggedCommits(EffectiveBranch branch) =>
        VisibleTags(branch)
            .Where(tag => Fits(tag.Version, branch.Label))
            .Select(tag => new BaseVersion($"Git tag '{tag.Name}'", tag.Version, tag.Sha, ShouldIncrement: true));

    /// <summary>Every version tag the branch sees, whatever its label (the floor of the result).</summary>
    public IEnumerable<VersionTag> VisibleTags(EffectiveBranch branch)
    {
        var history = context.History;
        var head = context.Head;
        var reachable = history.AncestorsOf(history.Head);
        var seen = new HashSet<string>(reachable, StringComparer.Ordinal);
        if (!branch.IsMainBranch && !branch.IsReleaseBranch)
        {
            seen.UnionWith(BranchesWhere(kind => kind.IsMainBranch == true).SelectMany(history.AncestorsOf));
        }

        if (branch.TracksReleaseBranches)
        {
            seen.UnionWith(BranchesWhere(kind => kind.IsReleaseBranch == true).SelectMany(history.AncestorsOf));
        }

        foreach (var tag in context.Tags)
        {
            // A merge that brought this branch elsewhere and was tagged there released this branch's work, whenever it happened.
            if (branch.TrackMergeTarget && !reachable.Contains(tag.Sha) && MergedThisBranch(tag.Sha, reachable))
            {
                yield return tag;
                continue;
            }

            if (seen.Contains(tag.Sha) && (reachable.Contains(tag.Sha) || history[tag.Sha].CommitterDate <= head.CommitterDate))
            {
                yield return tag;
            }
        }
    }

    /// <summary>
    /// Whether a tag's version can be a base for a branch with this label: a release always, a pre-release with the same
    /// label, or any when the branch has no label configured.
    /// </summary>
    public static bool Fits(SemanticVersion version, string? label) =>
        !version.IsPreRelease || label is null || string.Equals(version.PreRelease.Name, label, StringComparison.OrdinalIgnoreCase);

    private bool MergedThisBranch(string sha, IReadOnlySet<string> reachable)
    {
        var commit = context.History[sha];
        return commit.IsMerge && commit.Parents.Skip(1).Any(reachable.Contains);
    }

    private IEnumerable<string> BranchesWhere(Func<BranchConfiguration, bool> predicate) =>
        context.History.Branches
            .Where(branch => predicate(context.Classifier.Classify(branch.Key)))
            .Select(branch => branch.Value);

    /// <summary>Merges of release branches: the version in the merged branch's name, counted from the merge base.</summary>
    private IEnumerable<BaseVersion> MergeMessages(EffectiveBranch branch)
    {
        var history = context.History;
        foreach (var commit in history.Range(null, history.Head).Where(commit => commit.IsMerge && !context.Ignored.Contains(commit.Sha)))
        {
            if (MergeMessage.MergedBranch(commit.Message, context.Configuration.MergeMessageFormats) is not { } merged)
            {
                continue;
            }

            var kind = context.Classifier.Classify(BranchClassifier.ShortName(merged));
            if ((kind.IsReleaseBranch ?? context.Configuration.Defaults.IsReleaseBranch) != true || VersionInBranchName(merged) is not { } version)
            {
                continue;
            }

            // Like a version in a branch name, a merged version is no source to count from: the count runs from the tag,
            // the tracked release branch or other source behind it.
            yield return new BaseVersion($"Merge message '{commit.Message.Split('\n', 2)[0].Trim()}'", version, null, !branch.PreventIncrementOfMergedBranch);
        }
    }

    /// <summary>
    /// Release branches (develop): the version in each one's name, counted from where it left HEAD's branch, also when it
    /// was merged back since.
    /// </summary>
    private IEnumerable<BaseVersion> ReleaseBranches(EffectiveBranch branch)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, tip) in context.History.Branches)
        {
            var shortName = BranchClassifier.ShortName(name);
            if (shortName == branch.Name || !names.Add(shortName) || context.Classifier.Classify(shortName).IsReleaseBranch != true)
            {
                continue;
            }

            if (VersionInBranchName(shortName) is { } version && context.History.MergeBaseBeforeForwardMerges(tip, context.History.Head) is { } mergeBase)
            {
                yield return new BaseVersion($"Release branch '{shortName}'", version, mergeBase, ShouldIncrement: true);
            }
        }
    }
}
