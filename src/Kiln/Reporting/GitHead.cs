namespace Kiln.Reporting;

/// <summary>
/// HEAD's commit read straight from the .git folder (a worktree's .git file followed, loose and packed refs), so that
/// recording a run costs no git process. Null when the root is not a work tree or HEAD is unborn.
/// </summary>
internal static class GitHead
{
    public static string? ReadCommit(AbsolutePath root)
    {
        try
        {
            var gitDirectory = FindGitDirectory(root);
            if (gitDirectory is null)
            {
                return null;
            }

            // A linked worktree keeps HEAD in its own folder and the refs in the common one.
            var commonFile = Path.Combine(gitDirectory, "commondir");
            var commonDirectory = File.Exists(commonFile)
                ? Path.GetFullPath(Path.Combine(gitDirectory, File.ReadAllText(commonFile).Trim()))
                : gitDirectory;
            var head = File.ReadAllText(Path.Combine(gitDirectory, "HEAD")).Trim();
            if (!head.StartsWith("ref: ", StringComparison.Ordinal))
            {
                return IsSha(head) ? head : null;
            }

            var reference = head["ref: ".Length..];
            foreach (var folder in new[] { gitDirectory, commonDirectory })
            {
                var loose = Path.Combine(folder, reference);
                if (File.Exists(loose))
                {
                    var sha = File.ReadAllText(loose).Trim();
                    return IsSha(sha) ? sha : null;
                }
            }

            var packed = Path.Combine(commonDirectory, "packed-refs");
            return File.Exists(packed)
                ? File.ReadLines(packed)
                    .Select(line => line.Split(' ', 2))
                    .Where(parts => parts.Length == 2 && parts[1] == reference && IsSha(parts[0]))
                    .Select(parts => parts[0])
                    .FirstOrDefault()
                : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string? FindGitDirectory(AbsolutePath root)
    {
        for (var folder = new DirectoryInfo(root); folder is not null; folder = folder.Parent)
        {
            var dotGit = Path.Combine(folder.FullName, ".git");
            if (Directory.Exists(dotGit))
            {
                return dotGit;
            }

            if (File.Exists(dotGit))
            {
                var pointer = File.ReadAllText(dotGit).Trim();
                return pointer.StartsWith("gitdir: ", StringComparison.Ordinal)
                    ? Path.GetFullPath(Path.Combine(folder.FullName, pointer["gitdir: ".Length..]))
                    : null;
            }
        }

        return null;
    }

    private static bool IsSha(string text) => text.Length is 40 or 64 && text.All(char.IsAsciiHexDigit);
}
