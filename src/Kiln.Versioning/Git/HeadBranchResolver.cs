namespace Kiln.Versioning.Git;

/// <summary>
/// Decides which branch is being versioned. On GitHub Actions the checkout is often detached, so the event's ref
/// decides: a pull request's <c>refs/pull/2/merge</c> becomes the branch <c>pull/2/merge</c> (the pull-request
/// branch configuration) and <c>refs/heads/feature/foo</c> becomes <c>feature/foo</c>; otherwise the checked-out
/// branch, then GITHUB_HEAD_REF. Elsewhere the checked-out branch, or null on a detached HEAD.
/// </summary>
internal static class HeadBranchResolver
{
    private const string PullRequestRefs = "refs/pull/";
    private const string BranchRefs = "refs/heads/";

    /// <summary>The short name of the branch to version, or null when HEAD is detached and nothing names a branch.</summary>
    /// <param name="checkedOutBranch">The short name of the branch HEAD is attached to, or null when HEAD is detached.</param>
    /// <param name="environment">The environment to read CI hints from; null for the process environment.</param>
    public static string? Resolve(string? checkedOutBranch, IReadOnlyDictionary<string, string>? environment)
    {
        if (!string.Equals(Variable(environment, "GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return checkedOutBranch;
        }

        var githubRef = Variable(environment, "GITHUB_REF");
        if (githubRef.StartsWith(PullRequestRefs, StringComparison.Ordinal))
        {
            return githubRef["refs/".Length..];
        }

        if (githubRef.StartsWith(BranchRefs, StringComparison.Ordinal) && githubRef.Length > BranchRefs.Length)
        {
            return githubRef[BranchRefs.Length..];
        }

        if (checkedOutBranch is not null)
        {
            return checkedOutBranch;
        }

        var headRef = Variable(environment, "GITHUB_HEAD_REF");
        return headRef.Length > 0 ? headRef : null;
    }

    private static string Variable(IReadOnlyDictionary<string, string>? environment, string name) =>
        (environment is null ? Environment.GetEnvironmentVariable(name) : environment.GetValueOrDefault(name))?.Trim() ?? string.Empty;
}
