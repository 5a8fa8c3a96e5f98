using System.Collections.Concurrent;
using System.Globalization;
using Azure;
using Kiln.Azure.Models;

namespace Kiln.Azure.Releases;

/// <summary>
/// Puts a release into the store: uploads a bundle's files, or copies another store's release on the server; only what is
/// not there yet with the right bytes, in parallel, create-only. The manifest is written last, once every file verifies:
/// a release without one is incomplete, and the next run finishes it.
/// </summary>
internal sealed class ReleaseTransfer(ReleaseLayout layout, ReleaseVerifier verifier, ReleaseStoreOptions options)
{
    public static string ContentTypeOf(string path) => Path.GetExtension(path).ToUpperInvariant() switch
    {
        ".JSON" => "application/json",
        ".SARIF" => "application/sarif+json",
        ".MD" => "text/markdown; charset=utf-8",
        ".HTML" or ".HTM" => "text/html; charset=utf-8",
        ".CSS" => "text/css",
        ".JS" => "text/javascript",
        ".SVG" => "image/svg+xml",
        ".XML" => "application/xml",
        ".TXT" => "text/plain; charset=utf-8",
        ".NUPKG" or ".SNUPKG" or ".ZIP" => "application/zip",
        _ => "application/octet-stream",
    };

    /// <summary>Uploads the files not yet present with the right bytes, verifies them all, then writes the manifest (the release is then complete).</summary>
    public Task<(int Transferred, long Bytes, int Present, IReadOnlySet<string> Sent)> UploadAsync(ReleaseBundle bundle, ReleaseManifest manifest, string environment, CancellationToken cancellationToken) =>
        TransferAsync(
            manifest,
            environment,
            "upload",
            "uploaded",
            async (file, blob, token) =>
            {
                var content = bundle.Open(file.Path);
                await using (content.ConfigureAwait(false))
                {
                    Response<BlobContentInfo> uploaded;
                    try
                    {
                        uploaded = await blob.UploadAsync(
                            content,
                            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = ContentTypeOf(file.Path) }, Conditions = ReleaseLayout.CreateOnly },
                            token).ConfigureAwait(false);
                    }
                    catch (RequestFailedException exception) when (exception.Status is 409 or 412)
                    {
                        return await StoredAlreadyAsync(blob, manifest, file, environment, exception, token).ConfigureAwait(false);
                    }

                    if (uploaded.Value.Sha256 != file.Sha256)
                    {
                        throw new ReleaseVerificationException($"{file.Path} changed while it was uploaded (sha256 {ReleaseManifest.Short(uploaded.Value.Sha256)}, the manifest says {ReleaseManifest.Short(file.Sha256)}): build the bundle again; the pointer of '{environment}' was not moved.");
                    }
                }

                return true;
            },
            () => verifier.VerifyStoredAsync(manifest, $"Release {manifest.Version}", $"the pointer of '{environment}' was not moved", cancellationToken),
            cancellationToken);

    /// <summary>Copies the source release's files on the server (those not yet present and verified), verifies, then writes the manifest.</summary>
    public Task<(int Transferred, long Bytes, int Present, IReadOnlySet<string> Sent)> CopyAsync(ReleaseLayout source, ReleaseManifest manifest, string environment, CancellationToken cancellationToken) =>
        TransferAsync(
            manifest,
            environment,
            "copy",
            "copied on the server",
            async (file, blob, token) =>
            {
                var from = source.ReleaseBlob(manifest.Version, file.Path);
                try
                {
                    var copy = await blob.StartCopyFromUriAsync(from.Uri, new BlobCopyFromUriOptions { DestinationConditions = ReleaseLayout.CreateOnly }, token).ConfigureAwait(false);
                    await copy.WaitForCompletionAsync(TimeSpan.FromMilliseconds(250), token).ConfigureAwait(false);
                    return true;
                }
                catch (RequestFailedException exception) when (exception.Status is 409 or 412)
                {
                    return await StoredAlreadyAsync(blob, manifest, file, environment, exception, token).ConfigureAwait(false);
                }
            },
            () => verifier.VerifyContentAsync(manifest, $"The copy of release {manifest.Version}", $"the pointer of '{environment}' was not moved", cancellationToken),
            cancellationToken);

    /// <summary>
    /// What uploading and copying share: nothing to do for a release already complete here; otherwise each file not yet
    /// present with the right bytes is transferred to its blob here (in parallel; false when another deploy stored it first), all are
    /// verified, then the manifest completes the release. Returns, besides the counts, the paths this run transferred.
    /// </summary>
    private async Task<(int Transferred, long Bytes, int Present, IReadOnlySet<string> Sent)> TransferAsync(
        ReleaseManifest manifest,
        string environment,
        string action,
        string done,
        Func<ReleaseFile, BlobClient, CancellationToken, Task<bool>> transfer,
        Func<Task> verify,
        CancellationToken cancellationToken)
    {
        if (await CompleteReleaseAsync(manifest, environment, cancellationToken).ConfigureAwait(false))
        {
            options.Log?.Invoke($"Release {manifest.Version} is already at {layout.ReleaseUri(manifest.Version)} with the same content and verified: nothing to {action}.");
            return (0, 0, manifest.Files.Count, new HashSet<string>());
        }

        var stored = await verifier.ListReleaseAsync(manifest.Version, cancellationToken).ConfigureAwait(false);
        var sent = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var transferred = 0;
        var bytes = 0L;
        var present = 0;
        await Parallel.ForEachAsync(manifest.Files, new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken }, async (file, token) =>
        {
            if (stored.TryGetValue(file.Path, out var blob) && blob == (file.Length, file.Sha256))
            {
                Interlocked.Increment(ref present);
                return;
            }

            if (options.BeforeUpload is { } beforeUpload)
            {
                await beforeUpload(file.Path, token).ConfigureAwait(false);
            }

            if (await transfer(file, layout.ReleaseBlob(manifest.Version, file.Path), token).ConfigureAwait(false))
            {
                sent[file.Path] = true;
                Interlocked.Increment(ref transferred);
                Interlocked.Add(ref bytes, file.Length);
            }
            else
            {
                Interlocked.Increment(ref present);
            }
        }).ConfigureAwait(false);
        options.Log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"Release {manifest.Version}: {transferred} file(s) {done} ({bytes} bytes), {present} already present and verified."));

        await verify().ConfigureAwait(false);
        await WriteManifestAsync(manifest, environment, cancellationToken).ConfigureAwait(false);
        return (transferred, bytes, present, sent.Keys.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>
    /// Whether the version is already complete here with the same files (its stored blobs verified); false when it has
    /// no manifest yet. A complete release with other files is refused: releases never change.
    /// </summary>
    private async Task<bool> CompleteReleaseAsync(ReleaseManifest manifest, string environment, CancellationToken cancellationToken)
    {
        var existing = await verifier.ReadManifestAsync(manifest.Version, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            return false;
        }

        if (manifest.FirstDifference(existing) is { } difference)
        {
            throw OtherContent(manifest.Version, environment, difference);
        }

        await verifier.VerifyStoredAsync(existing, $"Release {manifest.Version}", $"the pointer of '{environment}' was not moved", cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// A release file was there before this create-only write (another deploy of the version stored it): true when its
    /// recorded SHA-256 and length are the manifest's (a rerun; the bytes are hashed before the pointer moves), else the refusal.
    /// </summary>
    private async Task<bool> StoredAlreadyAsync(BlobClient blob, ReleaseManifest manifest, ReleaseFile file, string environment, RequestFailedException conflict, CancellationToken cancellationToken)
    {
        var stored = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
        if (stored.Sha256 == file.Sha256 && stored.ContentLength == file.Length)
        {
            return false;
        }

        throw OtherContent(manifest.Version, environment, string.Create(CultureInfo.InvariantCulture, $"{file.Path} is stored with sha256 {(stored.Sha256 is null ? "(none recorded)" : ReleaseManifest.Short(stored.Sha256))}, {stored.ContentLength} bytes; this build's has {ReleaseManifest.Short(file.Sha256)}, {file.Length} bytes"), conflict);
    }

    private ReleaseStoreException OtherContent(string version, string environment, string difference, Exception? cause = null)
    {
        var message = $"Release {version} already exists with other content: a version is built once; promote it instead, or build the change under a new version ({difference}; at {layout.ReleaseUri(version)}); the pointer of '{environment}' was not moved.";
        return cause is null ? new ReleaseStoreException(message) : new ReleaseStoreException(message, cause);
    }

    private async Task WriteManifestAsync(ReleaseManifest manifest, string environment, CancellationToken cancellationToken)
    {
        try
        {
            await layout.ReleaseBlob(manifest.Version, ReleaseManifest.FileName).UploadAsync(
                BinaryData.FromBytes(manifest.ToJson()),
                new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" }, Conditions = ReleaseLayout.CreateOnly },
                cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            // Another deploy of the same version finished first: fine when it released the same files.
            var existing = await verifier.ReadManifestAsync(manifest.Version, cancellationToken).ConfigureAwait(false);
            if (existing is null)
            {
                throw OtherContent(manifest.Version, environment, "its manifest is there but not readable", exception);
            }

            if (manifest.FirstDifference(existing) is { } difference)
            {
                throw OtherContent(manifest.Version, environment, difference, exception);
            }
        }
    }
}
