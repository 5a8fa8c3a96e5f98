namespace Kiln.Versioning.Calculation;

/// <summary>A base version after its increment and label were applied: what it would make of HEAD's version.</summary>
internal sealed record CandidateVersion(BaseVersion Base, SemanticVersion Incremented, VersionField Field, DateTimeOffset? SourceDate);
