namespace Kiln.Scanning.Dependencies;

/// <summary>An affected version's match in an advisory: the version that fixes it, when the range names one.</summary>
/// <param name="FixedVersion">The first version out of the matching range (the range's <c>fixed</c> event); null when none is known.</param>
internal sealed record AdvisoryMatch(string? FixedVersion);
