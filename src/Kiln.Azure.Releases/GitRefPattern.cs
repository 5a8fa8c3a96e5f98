namespace Kiln.Azure.Releases;

/// <summary>Matches git refs against the patterns environments allow: exact (refs/heads/main), a prefix with a trailing * (refs/tags/v*), or * for any.</summary>
public static class GitRefPattern
{
    /// <summary>Whether the ref matches the pattern (ordinal, case-sensitive as git refs are).</summary>
    public static bool Matches(string pattern, string gitRef)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(gitRef);
        if (pattern == "*")
        {
            return true;
        }

        // A prefix pattern needs something after the prefix: refs/tags/v* takes refs/tags/v1.0.0, not refs/tags/v.
        return pattern.EndsWith('*')
            ? gitRef.Length >= pattern.Length && gitRef.StartsWith(pattern[..^1], StringComparison.Ordinal)
            : gitRef == pattern;
    }

    /// <summary>
    /// The full ref from what a run knows: GITHUB_REF when set (refs/heads/main, refs/tags/v1.2.0), else the branch
    /// (refs/heads/&lt;branch&gt;), else a tag at HEAD (refs/tags/&lt;tag&gt;), else HEAD (a detached checkout).
    /// </summary>
    public static string Resolve(string? githubRef, string? branch, string? tag) =>
        !string.IsNullOrWhiteSpace(githubRef) ? githubRef.Trim()
        : !string.IsNullOrWhiteSpace(branch) ? $"refs/heads/{branch.Trim()}"
        : !string.IsNullOrWhiteSpace(tag) ? $"refs/tags/{tag.Trim()}"
        : "HEAD";
}
