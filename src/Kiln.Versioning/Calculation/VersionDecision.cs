namespace Kiln.Versioning.Calculation;

/// <summary>The outcome of one calculation path: the reported version, its metadata and where it was counted from.</summary>
internal sealed record VersionDecision(SemanticVersion Version, long? BuildMetaData, string? SourceSha, long Count, SemanticVersion SourceVersion, VersionField Field);
