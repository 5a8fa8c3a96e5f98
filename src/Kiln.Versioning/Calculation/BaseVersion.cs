namespace Kiln.Versioning.Calculation;

/// <summary>A version a strategy proposes, the commit it counts from (null: none) and whether it is incremented.</summary>
internal sealed record BaseVersion(string Origin, SemanticVersion Version, string? SourceSha, bool ShouldIncrement);
