namespace Kiln.Versioning.Configuration;

/// <summary>Commits that cannot be version sources and are not counted (GitVersion's <c>ignore</c>).</summary>
public sealed record IgnoreConfiguration
{
    /// <summary>Commit ids to ignore.</summary>
    public IReadOnlyList<string> Shas { get; init; } = [];

    /// <summary>Commits older than this (local time) are ignored.</summary>
    public DateTimeOffset? CommitsBefore { get; init; }

    /// <summary>A commit is ignored when every path it touches matches one of these.</summary>
    public IReadOnlyList<System.Text.RegularExpressions.Regex> Paths { get; init; } = [];
}
