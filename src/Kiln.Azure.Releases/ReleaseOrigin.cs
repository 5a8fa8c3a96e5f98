namespace Kiln.Azure.Releases;

/// <summary>
/// Where a pointer move comes from, recorded in the pointer and the history: the commit and the CI run (or machine). A
/// deploy also records the commit and <see cref="GitRef"/> in the release's manifest.
/// </summary>
/// <param name="Commit">The commit, when known.</param>
/// <param name="Run">The run's URL (on GitHub Actions, <c>$GITHUB_SERVER_URL/$GITHUB_REPOSITORY/actions/runs/$GITHUB_RUN_ID</c>), when known.</param>
public sealed record ReleaseOrigin(string? Commit, Uri? Run)
{
    /// <summary>The git ref being deployed (refs/tags/v1.2.0, refs/heads/main), when known.</summary>
    public string? GitRef { get; init; }

    /// <summary>Nothing known.</summary>
    public static ReleaseOrigin Unknown { get; } = new(null, null);
}
