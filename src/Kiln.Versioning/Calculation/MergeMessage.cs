using System.Text.RegularExpressions;

namespace Kiln.Versioning.Calculation;

/// <summary>Recognises the merge messages git, GitHub, Bitbucket, Azure DevOps and SmartGit write, to find the merged branch.</summary>
internal static partial class MergeMessage
{
    /// <summary>The merged branch's name from a merge commit's subject, trying configured formats first; null when none matches.</summary>
    public static string? MergedBranch(string message, IReadOnlyDictionary<string, Regex> configuredFormats)
    {
        var subject = message.Split('\n', 2)[0].Trim();
        foreach (var format in configuredFormats.Values.Concat(BuiltIn()))
        {
            var match = format.Match(subject);
            if (match.Success && match.Groups["SourceBranch"] is { Success: true } source && source.Value.Length > 0)
            {
                return source.Value;
            }
        }

        return null;
    }

    private static IEnumerable<Regex> BuiltIn() =>
        [GitMerge(), BitbucketPullRequest(), GitHubPullRequest(), RemoteTracking(), SmartGitFinish(), AzureDevOps()];

    // git merge: "Merge branch 'release/2.0.0' into develop", also for tags.
    [GeneratedRegex(@"^Merge (?:branch|tag) '(?<SourceBranch>[^']*)'(?: into (?<TargetBranch>\S*))*", RegexOptions.IgnoreCase)]
    private static partial Regex GitMerge();

    // GitHub: "Merge pull request #12 from owner/release/2.0.0".
    [GeneratedRegex(@"^Merge pull request #(?<PullRequestNumber>\d+) (?:from|in) (?:[^\s/]+/)?(?<SourceBranch>\S*)(?: into (?<TargetBranch>\S*))*", RegexOptions.IgnoreCase)]
    private static partial Regex GitHubPullRequest();

    // Bitbucket: "Merge pull request #12 in PROJ/repo from release/2.0.0 to main".
    [GeneratedRegex(@"^Merge pull request #(?<PullRequestNumber>\d+) (?:from|in) (?<Source>.*) from (?<SourceBranch>\S*) to (?<TargetBranch>\S*)", RegexOptions.IgnoreCase)]
    private static partial Regex BitbucketPullRequest();

    // git pull: "Merge remote-tracking branch 'origin/release/2.0.0' into develop".
    [GeneratedRegex(@"^Merge remote-tracking branch '(?<SourceBranch>[^\s']*)'(?: into (?<TargetBranch>\S*))*", RegexOptions.IgnoreCase)]
    private static partial Regex RemoteTracking();

    // SmartGit: "Finish release/2.0.0 into main".
    [GeneratedRegex(@"^Finish (?<SourceBranch>\S*)(?: into (?<TargetBranch>\S*))*", RegexOptions.IgnoreCase)]
    private static partial Regex SmartGitFinish();

    // Azure DevOps: "Merged PR 12: Merge release/2.0.0 to main".
    [GeneratedRegex(@"^Merged PR (?<PullRequestNumber>\d+): Merge (?<SourceBranch>\S*) to (?<TargetBranch>\S*)", RegexOptions.IgnoreCase)]
    private static partial Regex AzureDevOps();
}
