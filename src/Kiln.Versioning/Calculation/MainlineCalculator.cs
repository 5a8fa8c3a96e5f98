using Kiln.Versioning.Configuration;
using Kiln.Versioning.Git;

namespace Kiln.Versioning.Calculation;

/// <summary>
/// The Mainline strategy (TrunkBased): on a main branch every direct commit, and every merge as one step, raises the
/// version from the last release tag; another branch takes the main version where it left main, raised once by its
/// increment, and counts its own commits as the pre-release number.
/// </summary>
internal sealed class MainlineCalculator(CalculationContext context, EffectiveBranchResolver resolver)
{
    private readonly CommitMessageIncrement messages = new(context);

    public VersionDecision Calculate(EffectiveBranch branch)
    {
        var history = context.History;
        var head = history.Head;
        var reachableTags = context.Tags.Where(tag => history.IsAncestor(tag.Sha, head)).ToList();
        if (branch.PreventIncrementWhenCurrentCommitTagged
            && context.TagsOn(head).Where(tag => BaseVersionFinder.Fits(tag.Version, branch.Label)).MaxBy(tag => tag.Version) is { } tagged)
        {
            var version = branch.Mode == DeploymentMode.ContinuousDeployment ? tagged.Version.WithoutPreRelease() : tagged.Version;
            return new VersionDecision(version, null, tagged.Sha, 0, tagged.Version, VersionField.None);
        }

        return branch.IsMainBranch ? OnMain(branch, reachableTags) : OnBranch(branch, reachableTags);
    }

    private VersionDecision OnMain(EffectiveBranch branch, IReadOnlyList<VersionTag> reachableTags)
    {
        var main = MainVersionAt(context.History.Head, branch);
        var version = VersionCalculator.Floor(ApplyNextVersion(main.Version), reachableTags);
        if (branch.Mode == DeploymentMode.ContinuousDeployment || main.Steps == 0)
        {
            return new VersionDecision(version.WithoutPreRelease(), null, main.BaseSha, main.Steps, main.BaseVersion, main.LastField);
        }

        var count = context.CountSince(main.BaseSha);
        var (reported, metadata) = DeploymentModes.Apply(branch.Mode, version with { PreRelease = new PreReleaseTag(branch.Label ?? string.Empty, 1) }, count);
        return new VersionDecision(reported, metadata, main.BaseSha, count, main.BaseVersion, main.LastField);
    }

    private VersionDecision OnBranch(EffectiveBranch branch, IReadOnlyList<VersionTag> reachableTags)
    {
        var history = context.History;
        var mainline = MainBranchPoint();
        var branchPoint = mainline?.MergeBase;
        var mainBranch = mainline is { } found ? resolver.Resolve(found.Name, found.Tip) : branch;
        var start = branchPoint is null ? new MainVersion(SemanticVersion.Empty, null, SemanticVersion.Empty, 0, VersionField.None) : MainVersionAt(branchPoint, mainBranch);
        var field = VersionFields.Max(VersionFields.From(branch.Increment), messages.FromRange(branchPoint));
        var candidates = new List<CandidateVersion>
        {
            new(
                new BaseVersion("Mainline branch point", start.Version, branchPoint, ShouldIncrement: true),
                VersionIncrement.Apply(ApplyNextVersion(start.Version), field, branch.Label),
                field,
                branchPoint is null ? null : history[branchPoint].CommitterDate),
        };

        // Pre-release tags made on the branch itself count on from there.
        foreach (var tag in context.Tags.Where(tag => BaseVersionFinder.Fits(tag.Version, branch.Label) && tag.Version.IsPreRelease))
        {
            if (history.IsAncestor(tag.Sha, history.Head) && (branchPoint is null || !history.IsAncestor(tag.Sha, branchPoint)))
            {
                candidates.Add(new CandidateVersion(
                    new BaseVersion($"Git tag '{tag.Name}'", tag.Version, tag.Sha, ShouldIncrement: true),
                    VersionIncrement.Apply(tag.Version, VersionField.None, branch.Label),
                    VersionField.None,
                    history[tag.Sha].CommitterDate));
            }
        }

        var (winner, countFrom) = CandidateSelection.Choose(candidates);
        var version = VersionCalculator.Floor(winner.Incremented, reachableTags);
        var count = context.CountSince(countFrom);
        var (reported, metadata) = DeploymentModes.Apply(branch.Mode, version, count);
        return new VersionDecision(reported, metadata, countFrom, count, winner.Base.Version, winner.Field);
    }

    /// <summary>The main branch HEAD most recently left: the newest merge base with any main branch.</summary>
    private (string Name, string Tip, string MergeBase)? MainBranchPoint()
    {
        var history = context.History;
        (string Name, string Tip, string MergeBase)? best = null;
        foreach (var (name, tip) in history.Branches)
        {
            if (context.Classifier.Classify(name).IsMainBranch != true || history.MergeBase(tip, history.Head) is not { } mergeBase)
            {
                continue;
            }

            if (best is null || history[mergeBase].CommitterDate > history[best.Value.MergeBase].CommitterDate)
            {
                best = (BranchClassifier.ShortName(name), tip, mergeBase);
            }
        }

        return best;
    }

    /// <summary>The main version at a commit: the last release tag on its first-parent chain, raised once per later step.</summary>
    private MainVersion MainVersionAt(string sha, EffectiveBranch main)
    {
        var history = context.History;
        var chain = new List<Commit>();
        VersionTag? baseTag = null;
        foreach (var commit in history.FirstParentChain(sha))
        {
            baseTag = context.TagsOn(commit.Sha).Where(tag => BaseVersionFinder.Fits(tag.Version, main.Label)).MaxBy(tag => tag.Version);
            if (baseTag is not null)
            {
                break;
            }

            chain.Add(commit);
        }

        chain.Reverse();
        var onChain = chain.Select(commit => commit.Sha).ToHashSet(StringComparer.Ordinal);
        var version = baseTag?.Version.WithoutPreRelease() ?? SemanticVersion.Empty;
        var mainField = VersionFields.From(main.Increment);
        var last = VersionField.None;
        var steps = 0;
        foreach (var commit in chain.Where(commit => !context.Ignored.Contains(commit.Sha)))
        {
            last = commit.IsMerge
                ? VersionFields.Max(MergeField(commit, main, mainField), messages.Strongest(MergedCommits(commit, onChain).Append(commit)))
                : VersionFields.Max(mainField, messages.Of(commit.Message));
            version = VersionIncrement.Apply(version, last, string.Empty).WithoutPreRelease();
            steps++;
        }

        return new MainVersion(version, baseTag?.Sha, baseTag?.Version ?? SemanticVersion.Empty, steps, last);
    }

    /// <summary>
    /// What a merge into main raises, before bump messages: main's own increment unless main sets
    /// prevent-increment.of-merged-branch, and the merged branch's increment (known from the merge message; unknown when
    /// it names none; main's when it inherits) unless that branch sets prevent-increment.when-branch-merged.
    /// </summary>
    private VersionField MergeField(Commit merge, EffectiveBranch main, VersionField mainField)
    {
        var merged = MergeMessage.MergedBranch(merge.Message, context.Configuration.MergeMessageFormats);
        var kind = context.Classifier.Classify(merged is null ? string.Empty : BranchClassifier.ShortName(merged));
        var mergedField = kind.Increment is null or IncrementStrategy.Inherit ? mainField : VersionFields.From(kind.Increment.Value);
        var preventMerged = kind.PreventIncrement.WhenBranchMerged ?? context.Configuration.Defaults.PreventIncrement.WhenBranchMerged ?? false;
        return VersionFields.Max(
            main.PreventIncrementOfMergedBranch ? VersionField.None : mainField,
            preventMerged ? VersionField.None : mergedField);
    }

    /// <summary>The commits a merge brought in: from its other parents back to the first-parent chain.</summary>
    private IEnumerable<Commit> MergedCommits(Commit merge, HashSet<string> onChain)
    {
        var history = context.History;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(merge.Parents.Skip(1));
        while (stack.Count > 0)
        {
            var sha = stack.Pop();
            if (onChain.Contains(sha) || !seen.Add(sha) || !history.Contains(sha) || context.IsTagged(sha))
            {
                continue;
            }

            var commit = history[sha];
            yield return commit;
            foreach (var parent in commit.Parents)
            {
                stack.Push(parent);
            }
        }
    }

    private SemanticVersion ApplyNextVersion(SemanticVersion version) =>
        new BaseVersionFinder(context).NextVersion() is { } next && next > version ? next : version;

    private sealed record MainVersion(SemanticVersion Version, string? BaseSha, SemanticVersion BaseVersion, int Steps, VersionField LastField);
}
