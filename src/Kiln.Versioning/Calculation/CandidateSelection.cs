namespace Kiln.Versioning.Calculation;

/// <summary>
/// Picks the version and the commit to count from: the highest incremented version wins; commits are counted from the
/// most recent source that yields that same version, or else from the best candidate that has a source at all.
/// </summary>
internal static class CandidateSelection
{
    public static (CandidateVersion Winner, string? CountFrom) Choose(IReadOnlyList<CandidateVersion> candidates)
    {
        var winner = candidates.OrderByDescending(candidate => candidate.Incremented).ThenByDescending(candidate => candidate.SourceDate).First();
        var same = candidates
            .Where(candidate => candidate.Base.SourceSha is not null && candidate.Incremented.CompareTo(winner.Incremented) == 0)
            .OrderByDescending(candidate => candidate.SourceDate)
            .FirstOrDefault();
        if (same is not null)
        {
            return (same, same.Base.SourceSha);
        }

        // The winner has no source (next-version, a release branch's name): count from the best sourced candidate;
        // when the winner is a release, only from candidates that are releases too.
        var sourced = candidates
            .Where(candidate => candidate.Base.SourceSha is not null)
            .Where(candidate => winner.Incremented.IsPreRelease || !candidate.Base.Version.IsPreRelease)
            .OrderByDescending(candidate => candidate.Incremented)
            .ThenByDescending(candidate => candidate.SourceDate)
            .FirstOrDefault();
        return (winner, sourced?.Base.SourceSha);
    }
}
