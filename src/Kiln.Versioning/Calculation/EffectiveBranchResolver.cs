using Kiln.Versioning.Configuration;

namespace Kiln.Versioning.Calculation;

/// <summary>
/// Resolves a branch's configuration: its own values, then (for Inherit) those of the branch it was created from,
/// found by merge base among the branches its source-branches allow, then the global defaults.
/// </summary>
internal sealed class EffectiveBranchResolver(CalculationContext context)
{
    public EffectiveBranch Resolve(string branchName, string tip)
    {
        var configuration = context.Classifier.Classify(branchName);
        var global = context.Configuration.Defaults;
        var links = InheritanceChain(configuration, branchName, tip);
        var chain = links.Select(link => link.Configuration).ToList();

        T Pick<T>(Func<BranchConfiguration, T?> value, T fallback)
            where T : struct =>
            chain.Select(value).FirstOrDefault(found => found is not null) ?? value(global) ?? fallback;

        var increment = chain.Select(branch => branch.Increment).Append(global.Increment)
            .FirstOrDefault(value => value is not null and not IncrementStrategy.Inherit) ?? IncrementStrategy.Patch;
        var label = configuration.Label ?? chain.Skip(1).Select(branch => branch.Label).FirstOrDefault(value => value is not null) ?? global.Label;
        return new EffectiveBranch
        {
            Name = BranchClassifier.ShortName(branchName),
            Configuration = configuration,
            Label = context.Classifier.Label(configuration, label, branchName),
            Increment = increment,
            Mode = Pick(branch => branch.Mode, DeploymentMode.ContinuousDelivery),
            PreventIncrementOfMergedBranch = Pick(branch => branch.PreventIncrement.OfMergedBranch, false),
            PreventIncrementWhenBranchMerged = Pick(branch => branch.PreventIncrement.WhenBranchMerged, false),
            PreventIncrementWhenCurrentCommitTagged = Pick(branch => branch.PreventIncrement.WhenCurrentCommitTagged, true),
            TrackMergeTarget = Pick(branch => branch.TrackMergeTarget, false),
            TrackMergeMessage = Pick(branch => branch.TrackMergeMessage, true),
            TracksReleaseBranches = Pick(branch => branch.TracksReleaseBranches, false),
            IsReleaseBranch = chain.Select(branch => branch.IsReleaseBranch).FirstOrDefault(value => value is not null) ?? global.IsReleaseBranch ?? false,
            VersionBranchName = VersionBranchName(links, global),
            IsMainBranch = configuration.IsMainBranch ?? global.IsMainBranch ?? false,
            PreReleaseWeight = Pick(branch => branch.PreReleaseWeight, 0),
        };
    }

    /// <summary>The configuration names a branch kind may be created from: its source-branches plus those naming it in is-source-branch-for.</summary>
    public IReadOnlyList<string> SourceBranchNames(BranchConfiguration configuration) =>
        (configuration.SourceBranches ?? [])
            .Concat(context.Configuration.Branches
                .Where(other => other.IsSourceBranchFor?.Contains(configuration.Name, StringComparer.OrdinalIgnoreCase) == true)
                .Select(other => other.Name))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

    /// <summary>
    /// The branch the current one was most recently created from: the newest merge base among allowed source branches,
    /// where a source that merged this branch since counts from where this branch left it.
    /// </summary>
    public (string Name, string Tip, string MergeBase)? FindSourceBranch(BranchConfiguration configuration, string branchName, string tip)
    {
        var allowed = SourceBranchNames(configuration);
        var self = BranchClassifier.ShortName(branchName);
        (string Name, string Tip, string MergeBase, int Order, DateTimeOffset When)? best = null;
        foreach (var (name, sha) in context.History.Branches)
        {
            var shortName = BranchClassifier.ShortName(name);
            if (string.Equals(shortName, self, StringComparison.Ordinal))
            {
                continue;
            }

            var kind = context.Classifier.Classify(shortName);
            var order = IndexOf(allowed, kind.Name);
            if (order < 0 || context.History.MergeBaseBeforeForwardMerges(tip, sha) is not { } mergeBase)
            {
                continue;
            }

            // A branch created from this one (its merge base is this branch's tip and it moved on) is no source.
            if (mergeBase == tip && sha != tip)
            {
                continue;
            }

            // At the same merge base, a branch that has not moved on since is the one this branch was created from.
            var when = context.History[mergeBase].CommitterDate;
            var rank = mergeBase == sha ? order - allowed.Count : order;
            if (best is null || when > best.Value.When || (when == best.Value.When && rank < best.Value.Order))
            {
                best = (shortName, sha, mergeBase, rank, when);
            }
        }

        return best is { } found ? (found.Name, found.Tip, found.MergeBase) : null;
    }

    /// <summary>
    /// The branch whose name carries the version: the branch itself when it is a release branch, else (a branch that
    /// leaves is-release-branch unset and inherits) the nearest release branch it was created from; null for none.
    /// </summary>
    private static string? VersionBranchName(List<(BranchConfiguration Configuration, string Name)> links, BranchConfiguration global)
    {
        foreach (var (configuration, name) in links)
        {
            if (configuration.IsReleaseBranch is { } isRelease)
            {
                return isRelease ? BranchClassifier.ShortName(name) : null;
            }
        }

        return global.IsReleaseBranch == true ? BranchClassifier.ShortName(links[0].Name) : null;
    }

    private List<(BranchConfiguration Configuration, string Name)> InheritanceChain(BranchConfiguration configuration, string branchName, string tip)
    {
        var chain = new List<(BranchConfiguration Configuration, string Name)> { (configuration, branchName) };
        var at = tip;
        while (chain[^1].Configuration.Increment is null or IncrementStrategy.Inherit && chain.Count < 8)
        {
            if (FindSourceBranch(chain[^1].Configuration, chain[^1].Name, at) is not { } source)
            {
                break;
            }

            var kind = context.Classifier.Classify(source.Name);
            if (chain.Any(link => link.Configuration == kind))
            {
                break;
            }

            chain.Add((kind, source.Name));
            at = source.MergeBase;
        }

        return chain;
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var index = 0; index < names.Count; index++)
        {
            if (string.Equals(names[index], name, StringComparison.OrdinalIgnoreCase))
            {
                return index;
            }
        }

        return -1;
    }
}
