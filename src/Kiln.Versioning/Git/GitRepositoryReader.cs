namespace Kiln.Versioning.Git;

/// <summary>
/// Reads a repository's whole history over the git command line in a handful of processes (one log, one ref
/// listing, one status, run at the same time), so that a version is computed in memory, not commit by commit.
/// </summary>
internal static class GitRepositoryReader
{
    private const string BranchRefs = "refs/heads/";

    /// <summary>The top folder of the repository that contains <paramref name="workingDirectory"/>.</summary>
    /// <exception cref="VersioningException">The folder does not exist or is not inside a git work tree.</exception>
    public static async Task<string> FindRootAsync(string workingDirectory, CancellationToken cancellationToken = default)
    {
        var folder = Path.GetFullPath(workingDirectory);
        if (!Directory.Exists(folder))
        {
            throw new VersioningException($"{folder} does not exist: run in a clone, or pass the repository folder.");
        }

        var result = await GitProcess.RunAsync(folder, ["rev-parse", "--show-toplevel"], cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0 && result.Error.Contains("not a git repository", StringComparison.OrdinalIgnoreCase))
        {
            throw new VersioningException($"{folder} is not inside a git repository: run in a clone, or pass the repository folder.");
        }

        var root = result.EnsureSuccess().TrimEnd('\n', '\r');
        if (root.Length == 0)
        {
            throw new VersioningException($"{folder} is not inside a git work tree (a bare repository or a .git folder): run in a clone, or pass the repository folder.");
        }

        return Path.GetFullPath(root);
    }

    /// <summary>Reads the commit graph, branches, tags, HEAD and the number of uncommitted paths of the repository at <paramref name="root"/>.</summary>
    /// <exception cref="VersioningException">The clone is shallow, the repository has no commits, or git failed.</exception>
    public static async Task<GitSnapshot> ReadAsync(string root, GitReadOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var head = await ReadHeadAsync(root, cancellationToken).ConfigureAwait(false);

        var reading = GitProcess.ReadAsync(root, CommitLog.Arguments(options.ReadPaths), cancellationToken);
        var listingRefs = GitProcess.ReadAsync(root, RefList.Arguments, cancellationToken);
        var readingStatus = GitProcess.ReadAsync(root, ["status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames"], cancellationToken);
        var readingBranch = GitProcess.RunAsync(root, ["symbolic-ref", "-q", "HEAD"], cancellationToken);
        await Task.WhenAll(reading, listingRefs, readingStatus, readingBranch).ConfigureAwait(false);

        var commits = CommitLog.Parse(await reading.ConfigureAwait(false), options.ReadPaths);
        var refs = RefList.Parse(await listingRefs.ConfigureAwait(false));
        var tags = refs.Tags;
        if (refs.NestedTags.Count > 0)
        {
            tags.AddRange(await PeelNestedTagsAsync(root, refs.NestedTags, cancellationToken).ConfigureAwait(false));
        }

        var known = commits.Select(commit => commit.Sha).ToHashSet(StringComparer.Ordinal);
        var headBranch = HeadBranchResolver.Resolve(CheckedOutBranch(await readingBranch.ConfigureAwait(false)), options.Environment);
        var history = new GitHistory(commits, head, headBranch, refs.Branches, tags.Where(tag => known.Contains(tag.Sha)).ToList());
        return new GitSnapshot(history, CountChangedPaths(await readingStatus.ConfigureAwait(false)));
    }

    /// <summary>HEAD's commit, after making sure the repository has one and is not a shallow clone.</summary>
    private static async Task<string> ReadHeadAsync(string root, CancellationToken cancellationToken)
    {
        var result = await GitProcess.RunAsync(root, ["rev-parse", "--is-shallow-repository", "--verify", "-q", "HEAD"], cancellationToken).ConfigureAwait(false);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length > 0 && lines[0] == "true")
        {
            throw new VersioningException(
                $"{root} is a shallow clone, and versions need the full history: check out with full history (actions/checkout with fetch-depth: 0, or git fetch --unshallow).");
        }

        if (result.ExitCode == 1 && lines is ["false"])
        {
            throw new VersioningException($"{root} has no commits yet: commit something first.");
        }

        result.EnsureSuccess();
        return lines is ["false", var sha] ? sha : throw new VersioningException($"'{result.CommandLine}' in {root} printed output Kiln cannot read: '{result.Output.Trim()}'.");
    }

    private static string? CheckedOutBranch(GitOutput symbolicRef)
    {
        // symbolic-ref -q exits with 1 and prints nothing on a detached HEAD.
        if (symbolicRef.ExitCode == 1)
        {
            return null;
        }

        var name = symbolicRef.EnsureSuccess().Trim();
        return name.StartsWith(BranchRefs, StringComparison.Ordinal) ? name[BranchRefs.Length..] : null;
    }

    /// <summary>Tags of tags, peeled all the way with show-ref (rare: one extra process only when there are any).</summary>
    private static async Task<IEnumerable<(string Name, string Sha)>> PeelNestedTagsAsync(string root, IReadOnlyList<string> fullNames, CancellationToken cancellationToken)
    {
        var output = await GitProcess.ReadAsync(root, ["show-ref", "--dereference", "--", .. fullNames], cancellationToken).ConfigureAwait(false);
        var wanted = fullNames.ToHashSet(StringComparer.Ordinal);
        var peeled = new List<(string Name, string Sha)>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = line.IndexOf(' ', StringComparison.Ordinal);
            var name = separator < 0 ? string.Empty : line[(separator + 1)..];
            if (name.EndsWith("^{}", StringComparison.Ordinal) && wanted.Contains(name[..^3]))
            {
                peeled.Add((name["refs/tags/".Length..^3], line[..separator]));
            }
        }

        return peeled;
    }

    /// <summary>The number of paths in <c>git status --porcelain=v1 -z</c> output: modified, staged, deleted and untracked, not ignored.</summary>
    private static int CountChangedPaths(string status)
    {
        var count = 0;
        var entries = status.Split('\0', StringSplitOptions.RemoveEmptyEntries);
        for (var index = 0; index < entries.Length; index++)
        {
            var entry = entries[index];
            count++;

            // A rename or copy (should renames be detected despite --no-renames) is followed by its source path.
            if (entry.Length > 1 && (entry[0] is 'R' or 'C' || entry[1] is 'R' or 'C'))
            {
                index++;
            }
        }

        return count;
    }
}
