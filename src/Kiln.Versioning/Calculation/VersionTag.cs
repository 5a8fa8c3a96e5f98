namespace Kiln.Versioning.Calculation;

/// <summary>A tag whose name is a version after the tag prefix, with the commit it points at.</summary>
internal sealed record VersionTag(string Name, string Sha, SemanticVersion Version);
