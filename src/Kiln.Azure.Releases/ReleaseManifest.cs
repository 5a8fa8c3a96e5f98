using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Kiln.Azure.Releases;

/// <summary>
/// What a release is: its version and every file with its length and SHA-256, in path order. Stored last, as
/// <c>releases/&lt;version&gt;/manifest.json</c>, so a release whose manifest exists is complete. It also records the git
/// ref and commit the release was built from; two manifests are the same release when their files are (<see cref="FirstDifference"/>).
/// </summary>
public sealed partial class ReleaseManifest
{
    /// <summary>The manifest's own name inside the release folder; no bundle file may have it.</summary>
    public const string FileName = "manifest.json";

    /// <summary>Creates a manifest; the files are put in path order, and each path is checked.</summary>
    /// <exception cref="ArgumentException">The version or a path is not usable in a blob name, or a path repeats.</exception>
    public ReleaseManifest(string version, IEnumerable<ReleaseFile> files)
    {
        CheckVersion(version);
        ArgumentNullException.ThrowIfNull(files);
        Version = version;
        Files = [.. files.OrderBy(file => file.Path, StringComparer.Ordinal)];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Files)
        {
            CheckPath(file.Path);
            if (!seen.Add(file.Path))
            {
                throw new ArgumentException($"The release has '{file.Path}' twice.", nameof(files));
            }
        }
    }

    /// <summary>The release's version (SemVer).</summary>
    public string Version { get; }

    /// <summary>The files, in ordinal path order.</summary>
    public IReadOnlyList<ReleaseFile> Files { get; }

    /// <summary>The git ref the release was built from (refs/tags/v1.2.0, refs/heads/main), when known: Promote checks it against the target environment's refs.</summary>
    public string? GitRef { get; init; }

    /// <summary>The commit the release was built from, when known.</summary>
    public string? Commit { get; init; }

    /// <summary>The total length of the files.</summary>
    public long TotalLength => Files.Sum(file => file.Length);

    /// <summary>The manifest as JSON (UTF-8, indented, files in path order): the same files give the same bytes.</summary>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(new ManifestDocument(Version, [.. Files], GitRef, Commit), ReleaseJson.Default.ManifestDocument);

    /// <summary>This manifest with the ref and commit of the build that made it (those of <paramref name="origin"/>; unchanged when it knows none).</summary>
    public ReleaseManifest BuiltFrom(ReleaseOrigin? origin) =>
        origin is null || (origin.GitRef is null && origin.Commit is null)
            ? this
            : new ReleaseManifest(Version, Files) { GitRef = origin.GitRef ?? GitRef, Commit = origin.Commit ?? Commit };

    /// <summary>Reads a manifest written by <see cref="ToJson"/>.</summary>
    /// <exception cref="ReleaseStoreException">The JSON is not a release manifest.</exception>
    public static ReleaseManifest Parse(ReadOnlySpan<byte> json, string origin)
    {
        try
        {
            var document = JsonSerializer.Deserialize(json, ReleaseJson.Default.ManifestDocument);
            if (document?.Version is null || document.Files is null || document.Files.Any(file => file?.Path is null || file.Sha256 is null))
            {
                throw new ReleaseStoreException($"{origin} is not a release manifest (it needs version and files with path, length and sha256).");
            }

            return new ReleaseManifest(document.Version, document.Files) { GitRef = document.GitRef, Commit = document.Commit };
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException)
        {
            throw new ReleaseStoreException($"{origin} is not a readable release manifest: {exception.Message}", exception);
        }
    }

    /// <summary>Hashes the content (SHA-256, lower-case hex), as manifests and blob metadata record it.</summary>
    public static string Sha256Of(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>The first difference between two manifests, in words; null when they list the same files with the same bytes.</summary>
    public string? FirstDifference(ReleaseManifest other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var theirs = other.Files.ToDictionary(file => file.Path, StringComparer.Ordinal);
        foreach (var file in Files)
        {
            if (!theirs.TryGetValue(file.Path, out var their))
            {
                return $"{file.Path} is new";
            }

            if (their != file)
            {
                return $"{file.Path} differs (sha256 {Short(file.Sha256)}, {file.Length} bytes here; {Short(their.Sha256)}, {their.Length} bytes there)";
            }
        }

        var missing = other.Files.Select(file => file.Path).Except(Files.Select(file => file.Path), StringComparer.Ordinal).FirstOrDefault();
        return missing is null ? null : $"{missing} is not in this bundle";
    }

    /// <summary>Checks that a version can name a release folder: SemVer characters only, starting with a digit.</summary>
    /// <exception cref="ArgumentException">It cannot.</exception>
    public static void CheckVersion(string version)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        if (!VersionPattern().IsMatch(version))
        {
            throw new ArgumentException($"'{version}' is not a release version: use a SemVer version such as 1.2.0 or 1.3.0-beta.4 (digits, letters, '.', '-', '+').", nameof(version));
        }
    }

    /// <summary>Checks that a path can be a file of a release: relative, forward slashes, no '.' or '..' segments, not the manifest's name.</summary>
    /// <exception cref="ArgumentException">It cannot.</exception>
    public static void CheckPath(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var segments = path.Split('/');
        if (path.Contains('\\', StringComparison.Ordinal) || segments.Any(segment => segment is "" or "." or ".."))
        {
            throw new ArgumentException($"'{path}' is not a release path: use a relative path with forward slashes and no empty, '.' or '..' segments.", nameof(path));
        }

        if (path == FileName)
        {
            throw new ArgumentException($"'{FileName}' is the release's manifest; a bundle file cannot have that name.", nameof(path));
        }
    }

    internal static string Short(string sha256) => sha256.Length > 12 ? sha256[..12] : sha256;

    [GeneratedRegex("^[0-9][0-9A-Za-z.+-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();

    internal sealed record ManifestDocument(string Version, List<ReleaseFile> Files, string? GitRef = null, string? Commit = null);
}
