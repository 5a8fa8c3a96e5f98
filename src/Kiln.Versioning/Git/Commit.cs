namespace Kiln.Versioning.Git;

/// <summary>One commit as the calculator needs it: its id, parents (first parent first), committer date and full message.</summary>
internal sealed record Commit(string Sha, IReadOnlyList<string> Parents, DateTimeOffset CommitterDate, string Message)
{
    /// <summary>The paths the commit changed against its first parent; null when they were not read (ignore.paths unset).</summary>
    public IReadOnlyList<string>? Paths { get; init; }

    public bool IsMerge => Parents.Count > 1;
}
