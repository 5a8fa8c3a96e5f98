namespace Kiln.Versioning.Git;

/// <summary>
/// A repository's commit graph, refs and HEAD, read once from git; every ancestry question the calculator asks is
/// answered in memory from here.
/// </summary>
internal sealed class GitHistory
{
    private readonly Dictionary<string, Commit> commits;
    private readonly Dictionary<string, HashSet<string>> ancestorCache = new(StringComparer.Ordinal);

    public GitHistory(
        IEnumerable<Commit> commits,
        string head,
        string? headBranch,
        IReadOnlyDictionary<string, string> branches,
        IReadOnlyList<(string Name, string Sha)> tags)
    {
        this.commits = commits.ToDictionary(commit => commit.Sha, StringComparer.Ordinal);
        Head = head;
        HeadBranch = headBranch;
        Branches = branches;
        Tags = tags;
    }

    /// <summary>The commit HEAD points at.</summary>
    public string Head { get; }

    /// <summary>The short name of the branch being versioned (feature/foo, pull/2/merge), or null on a detached HEAD with no hint.</summary>
    public string? HeadBranch { get; }

    /// <summary>Short branch name (local "develop", remote-tracking "origin/develop") to the commit it points at.</summary>
    public IReadOnlyDictionary<string, string> Branches { get; }

    /// <summary>Every tag with the commit it points at (annotated tags peeled), in no particular order.</summary>
    public IReadOnlyList<(string Name, string Sha)> Tags { get; }

    public Commit this[string sha] => commits[sha];

    public bool Contains(string sha) => commits.ContainsKey(sha);

    public IEnumerable<Commit> AllCommits => commits.Values;

    /// <summary>The commit and every commit reachable from it.</summary>
    public IReadOnlySet<string> AncestorsOf(string sha)
    {
        if (ancestorCache.TryGetValue(sha, out var cached))
        {
            return cached;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        stack.Push(sha);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (!seen.Add(current) || !commits.TryGetValue(current, out var commit))
            {
                continue;
            }

            foreach (var parent in commit.Parents)
            {
                stack.Push(parent);
            }
        }

        ancestorCache[sha] = seen;
        return seen;
    }

    /// <summary>Whether <paramref name="ancestor"/> is reachable from <paramref name="descendant"/> (a commit is its own ancestor).</summary>
    public bool IsAncestor(string ancestor, string descendant) => AncestorsOf(descendant).Contains(ancestor);

    /// <summary>Commits reachable from <paramref name="to"/> and not from <paramref name="from"/> (git's from..to); all of them when from is null.</summary>
    public IEnumerable<Commit> Range(string? from, string to)
    {
        var excluded = from is null ? null : AncestorsOf(from);
        return AncestorsOf(to).Where(sha => excluded is null || !excluded.Contains(sha)).Where(commits.ContainsKey).Select(sha => commits[sha]);
    }

    /// <summary>The best common ancestor of two commits (the newest one by committer date, as git merge-base picks for simple histories).</summary>
    public string? MergeBase(string first, string second)
    {
        var ofFirst = AncestorsOf(first);
        var common = AncestorsOf(second).Where(ofFirst.Contains).ToHashSet(StringComparer.Ordinal);
        if (common.Count == 0)
        {
            return null;
        }

        // The common set is closed under ancestry, so a common ancestor reachable from another one is the parent
        // of some common commit; the best ones are parents of none.
        var dominated = common.SelectMany(sha => commits.TryGetValue(sha, out var commit) ? commit.Parents : []).ToHashSet(StringComparer.Ordinal);
        var best = common.Where(candidate => !dominated.Contains(candidate)).Where(commits.ContainsKey).ToList();
        if (best.Count == 0)
        {
            return null;
        }

        return best.OrderByDescending(sha => commits[sha].CommitterDate).ThenBy(sha => sha, StringComparer.Ordinal).First();
    }

    /// <summary>
    /// The merge base of a branch with another, as GitVersion finds it: when the plain merge base was later merged into
    /// the other branch (a release merged back into develop), the merge base with that merge's first parent instead,
    /// repeated until no such merge is left. So a branch merged back still counts from where it left the other branch.
    /// </summary>
    public string? MergeBaseBeforeForwardMerges(string branchTip, string other)
    {
        var mergeBase = MergeBase(branchTip, other);
        var target = other;
        while (mergeBase is not null)
        {
            var forwardMerge = Range(mergeBase, target)
                .Where(commit => commit.Parents.Contains(mergeBase, StringComparer.Ordinal))
                .OrderByDescending(commit => commit.CommitterDate)
                .ThenBy(commit => commit.Sha, StringComparer.Ordinal)
                .FirstOrDefault();
            if (forwardMerge is null)
            {
                break;
            }

            var firstParent = forwardMerge.Parents[0];
            var earlier = MergeBase(branchTip, firstParent);
            if (earlier is null || (earlier == mergeBase && firstParent == target))
            {
                break;
            }

            mergeBase = earlier;
            target = firstParent;
        }

        return mergeBase;
    }

    /// <summary>The first-parent chain from a commit back to the root.</summary>
    public IEnumerable<Commit> FirstParentChain(string sha)
    {
        var current = sha;
        while (current is not null && commits.TryGetValue(current, out var commit))
        {
            yield return commit;
            current = commit.Parents.Count > 0 ? commit.Parents[0] : null;
        }
    }
}
