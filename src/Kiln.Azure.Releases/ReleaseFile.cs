namespace Kiln.Azure.Releases;

/// <summary>One file of a release as its manifest records it: the path inside the release, its length and SHA-256.</summary>
/// <param name="Path">The path inside the release, with forward slashes (packages/Kiln.1.2.0.nupkg).</param>
/// <param name="Length">The length in bytes.</param>
/// <param name="Sha256">The SHA-256 of the bytes, lower-case hex.</param>
public sealed record ReleaseFile(string Path, long Length, string Sha256);
