using System.Security.Cryptography;

namespace Kiln.Azure.Releases;

/// <summary>
/// The files a deploy uploads, each under its path in the release: files on disk (hashed when the manifest is made)
/// or content in memory (release notes). <see cref="CreateManifestAsync"/> hashes them into a <see cref="ReleaseManifest"/>.
/// </summary>
public sealed class ReleaseBundle
{
    private readonly Dictionary<string, Func<Stream>> entries = new(StringComparer.Ordinal);

    /// <summary>Creates an empty bundle for the version.</summary>
    /// <exception cref="ArgumentException">The version cannot name a release.</exception>
    public ReleaseBundle(string version)
    {
        ReleaseManifest.CheckVersion(version);
        Version = version;
    }

    /// <summary>The release's version.</summary>
    public string Version { get; }

    /// <summary>The paths in the bundle, in ordinal order.</summary>
    public IReadOnlyList<string> Paths => [.. entries.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Adds a file from disk under the path.</summary>
    /// <exception cref="ArgumentException">The path is not a release path or is already in the bundle.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public ReleaseBundle AddFile(string path, string sourceFile)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceFile);
        if (!File.Exists(sourceFile))
        {
            throw new FileNotFoundException($"{sourceFile} does not exist, so it cannot be released as {path}.", sourceFile);
        }

        Add(path, () => new FileStream(sourceFile, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true));
        return this;
    }

    /// <summary>Adds every file under the folder, under the prefix and its relative path (forward slashes).</summary>
    public ReleaseBundle AddDirectory(string prefix, string folder, Func<string, bool>? include = null)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
            if (include is null || include(relative))
            {
                AddFile(prefix.Length == 0 ? relative : $"{prefix.TrimEnd('/')}/{relative}", file);
            }
        }

        return this;
    }

    /// <summary>Adds content held in memory under the path.</summary>
    public ReleaseBundle AddContent(string path, ReadOnlyMemory<byte> content)
    {
        var copy = content.ToArray();
        Add(path, () => new MemoryStream(copy, writable: false));
        return this;
    }

    /// <summary>Opens the content of a path, from its start.</summary>
    public Stream Open(string path) => entries.TryGetValue(path, out var open)
        ? open()
        : throw new ArgumentException($"The bundle has no '{path}'.", nameof(path));

    /// <summary>Hashes every file into the manifest (SHA-256 and length).</summary>
    public async Task<ReleaseManifest> CreateManifestAsync(CancellationToken cancellationToken = default)
    {
        var files = new List<ReleaseFile>();
        foreach (var path in Paths)
        {
            var stream = Open(path);
            await using (stream.ConfigureAwait(false))
            {
                var hash = await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
                files.Add(new ReleaseFile(path, stream.Length, Convert.ToHexStringLower(hash)));
            }
        }

        return new ReleaseManifest(Version, files);
    }

    private void Add(string path, Func<Stream> open)
    {
        ReleaseManifest.CheckPath(path);
        if (!entries.TryAdd(path, open))
        {
            throw new ArgumentException($"The bundle already has '{path}'.", nameof(path));
        }
    }
}
