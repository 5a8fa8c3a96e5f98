using Kiln.Versioning.Configuration;
using Kiln.Versioning.Git;

namespace Kiln.Versioning.Calculation;

/// <summary>Computes HEAD's version from the history and configuration, as GitVersion 6.x does.</summary>
internal static class VersionCalculator
{
    /// <summary>The branch name reported for a detached HEAD that no branch points at.</summary>
    public const string NoBranch = "(no branch)";

    public static VersionResult Calculate(GitHistory history, GitVersionConfiguration configuration, int uncommittedChanges, IReadOnlyDictionary<string, string>? environment = null)
    {
        var context = new CalculationContext(history, configuration, environment ?? ProcessEnvironment());
        var resolver = new EffectiveBranchResolver(context);
        var branchName = BranchOfHead(history);
        var branch = resolver.Resolve(branchName, history.Head);
        var head = context.Head;

        var decision = configuration.Strategies.Contains(VersionStrategy.Mainline)
            ? new MainlineCalculator(context, resolver).Calculate(branch)
            : Calculate(context, branch);

        return new VersionResult
        {
            Version = decision.Version,
            BuildMetaData = decision.BuildMetaData,
            BranchName = branchName,
            Sha = head.Sha,
            CommitDate = head.CommitterDate,
            VersionSourceSha = decision.SourceSha,
            CommitsSinceVersionSource = decision.Count,
            VersionSourceSemVer = decision.SourceVersion,
            VersionSourceIncrement = VersionFields.ToIncrement(decision.Field),
            PreReleaseWeight = branch.PreReleaseWeight,
            UncommittedChanges = uncommittedChanges,
            Configuration = configuration,
        };
    }

    private static VersionDecision Calculate(CalculationContext context, EffectiveBranch branch)
    {
        var history = context.History;
        if (TaggedHead(context, branch) is { } tagged)
        {
            return tagged;
        }

        var finder = new BaseVersionFinder(context);
        var messages = new CommitMessageIncrement(context);
        var branchField = VersionFields.From(branch.Increment);
        var candidates = finder.Find(branch).Select(baseVersion =>
        {
            var field = baseVersion.ShouldIncrement ? VersionFields.Max(branchField, messages.FromRange(baseVersion.SourceSha)) : VersionField.None;
            var incremented = baseVersion.ShouldIncrement
                ? VersionIncrement.Apply(baseVersion.Version, field, branch.Label)
                : VersionIncrement.Label(baseVersion.Version, branch.Label);
            var date = baseVersion.SourceSha is null ? (DateTimeOffset?)null : history[baseVersion.SourceSha].CommitterDate;
            return new CandidateVersion(baseVersion, incremented, field, date);
        }).ToList();

        var (winner, countFrom) = CandidateSelection.Choose(candidates);
        var version = Floor(winner.Incremented, finder.VisibleTags(branch).Where(tag => history.IsAncestor(tag.Sha, history.Head)));
        var count = context.CountSince(countFrom);
        var (reported, metadata) = DeploymentModes.Apply(branch.Mode, version, count);
        return new VersionDecision(reported, metadata, countFrom, count, winner.Base.Version, winner.Field);
    }

    /// <summary>A HEAD tagged with a version that fits the branch reports the tag itself, unless prevent-increment says to compute on.</summary>
    private static VersionDecision? TaggedHead(CalculationContext context, EffectiveBranch branch)
    {
        if (!branch.PreventIncrementWhenCurrentCommitTagged)
        {
            return null;
        }

        var tag = context.TagsOn(context.History.Head).Where(tag => BaseVersionFinder.Fits(tag.Version, branch.Label)).MaxBy(tag => tag.Version);
        if (tag is null)
        {
            return null;
        }

        var version = branch.Mode == DeploymentMode.ContinuousDeployment ? tag.Version.WithoutPreRelease() : tag.Version;
        return new VersionDecision(version, null, tag.Sha, 0, tag.Version, VersionField.None);
    }

    /// <summary>The result is never below the highest version tag reachable from HEAD: its M.m.p is raised to that tag's.</summary>
    internal static SemanticVersion Floor(SemanticVersion version, IEnumerable<VersionTag> reachableTags)
    {
        var highest = reachableTags.Select(tag => tag.Version).Max();
        if (highest is null)
        {
            return version;
        }

        var core = version.WithoutPreRelease();
        var floor = highest.WithoutPreRelease();
        return core < floor ? version with { Major = floor.Major, Minor = floor.Minor, Patch = floor.Patch } : version;
    }

    /// <summary>HEAD's branch: the one git or CI named, else a branch pointing at HEAD (local first), else "(no branch)".</summary>
    private static string BranchOfHead(GitHistory history)
    {
        if (history.HeadBranch is { Length: > 0 } named)
        {
            return named;
        }

        var pointing = history.Branches.Where(branch => branch.Value == history.Head).Select(branch => branch.Key)
            .OrderBy(name => name.StartsWith("origin/", StringComparison.Ordinal) ? 1 : 0)
            .ThenBy(name => name, StringComparer.Ordinal)
            .FirstOrDefault();
        return pointing is null ? NoBranch : BranchClassifier.ShortName(pointing);
    }

    private static Dictionary<string, string> ProcessEnvironment() =>
        Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(entry => (string)entry.Key, entry => (string?)entry.Value ?? string.Empty, StringComparer.Ordinal);
}
