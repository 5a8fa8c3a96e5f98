using System.Collections.Concurrent;
using System.Globalization;
using Azure;
using Kiln.Azure.Models;

namespace Kiln.Azure.Releases;

/// <summary>
/// Checks a stored release against its manifest, two ways: cheaply, by every blob's length and recorded SHA-256 (one
/// listing), and fully, by downloading and hashing every blob's bytes. A failure names up to three files and what the
/// caller's operation left undone.
/// </summary>
internal sealed class ReleaseVerifier(ReleaseLayout layout, ReleaseStoreOptions options)
{
    /// <summary>The manifest of a complete release, or null when the version has none (never deployed, or interrupted).</summary>
    /// <exception cref="ReleaseVerificationException">The manifest names another version.</exception>
    public async Task<ReleaseManifest?> ReadManifestAsync(string version, CancellationToken cancellationToken)
    {
        var name = layout.ReleaseBlobName(version, ReleaseManifest.FileName);
        try
        {
            var content = await layout.Container.GetBlobClient(name).DownloadContentAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            var manifest = ReleaseManifest.Parse(content.Value.Content.ToMemory().Span, name);
            return manifest.Version == version
                ? manifest
                : throw new ReleaseVerificationException($"{name} names version {manifest.Version}, not {version}: the release folder was tampered with.");
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Lists the release's blobs with their length and recorded SHA-256 (one List Blobs per 5,000 files).</summary>
    public async Task<Dictionary<string, (long Length, string? Sha256)>> ListReleaseAsync(string version, CancellationToken cancellationToken)
    {
        var folder = layout.ReleaseFolder(version);
        var stored = new Dictionary<string, (long, string?)>(StringComparer.Ordinal);
        await foreach (var item in layout.Container.GetBlobsAsync(BlobTraits.Metadata, folder, cancellationToken).ConfigureAwait(false))
        {
            item.Metadata.TryGetValue(BlobClient.Sha256MetadataName, out var sha256);
            stored[item.Name[folder.Length..]] = (item.Properties.ContentLength ?? -1, sha256);
        }

        return stored;
    }

    /// <summary>Checks every file's stored length and recorded SHA-256 against the manifest (what the upload measured of the bytes it sent).</summary>
    public async Task VerifyStoredAsync(ReleaseManifest manifest, string subject, string consequence, CancellationToken cancellationToken)
    {
        var stored = await ListReleaseAsync(manifest.Version, cancellationToken).ConfigureAwait(false);
        var problems = new List<string>();
        foreach (var file in manifest.Files)
        {
            if (!stored.TryGetValue(file.Path, out var blob))
            {
                problems.Add($"{file.Path} is missing");
            }
            else if (blob.Length != file.Length)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{file.Path} has {blob.Length} bytes, the manifest says {file.Length}"));
            }
            else if (blob.Sha256 != file.Sha256)
            {
                problems.Add($"{file.Path} has sha256 {(blob.Sha256 is null ? "(none recorded)" : ReleaseManifest.Short(blob.Sha256))}, the manifest says {ReleaseManifest.Short(file.Sha256)}");
            }
        }

        ThrowIfAny(problems, subject, manifest, consequence);
    }

    /// <summary>
    /// Downloads every file and hashes the bytes: catches a blob changed behind the store's back, metadata and all. Files
    /// in <paramref name="hashedAsSent"/> were uploaded by this run and hashed as they went out: they are not read back.
    /// </summary>
    public async Task VerifyContentAsync(ReleaseManifest manifest, string subject, string consequence, CancellationToken cancellationToken, IReadOnlySet<string>? hashedAsSent = null)
    {
        var problems = new ConcurrentBag<string>();
        var toRead = hashedAsSent is null ? manifest.Files : [.. manifest.Files.Where(file => !hashedAsSent.Contains(file.Path))];
        await Parallel.ForEachAsync(toRead, new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken }, async (file, token) =>
        {
            using var hash = new HashingStream();
            try
            {
                await layout.ReleaseBlob(manifest.Version, file.Path).DownloadToAsync(hash, token).ConfigureAwait(false);
            }
            catch (RequestFailedException exception) when (exception.Status == 404)
            {
                problems.Add($"{file.Path} is missing");
                return;
            }

            var (length, sha256) = hash.Finish();
            if (length != file.Length || sha256 != file.Sha256)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{file.Path} has {length} bytes with sha256 {ReleaseManifest.Short(sha256)}, the manifest says {file.Length} bytes with {ReleaseManifest.Short(file.Sha256)}"));
            }
        }).ConfigureAwait(false);
        ThrowIfAny([.. problems.Order(StringComparer.Ordinal)], subject, manifest, consequence);
    }

    private void ThrowIfAny(List<string> problems, string subject, ReleaseManifest manifest, string consequence)
    {
        if (problems.Count == 0)
        {
            return;
        }

        var shown = string.Join("; ", problems.Take(3));
        var more = problems.Count > 3 ? string.Create(CultureInfo.InvariantCulture, $" (and {problems.Count - 3} more)") : string.Empty;
        throw new ReleaseVerificationException($"{subject} at {layout.ReleaseUri(manifest.Version)} failed verification: {shown}{more}; {consequence}.");
    }
}
