using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Azure;
using Kiln.Azure.Models;

namespace Kiln.Azure.Releases;

/// <summary>
/// Versioned releases in a Blob container, with one pointer per environment:
/// <code>
/// &lt;prefix&gt;releases/&lt;version&gt;/...files...          immutable once its manifest.json exists (written last)
/// &lt;prefix&gt;environments/&lt;env&gt;/current.json          the pointer: which release the environment runs (0 bytes: none yet)
/// &lt;prefix&gt;environments/&lt;env&gt;/history/&lt;utc&gt;-&lt;version&gt;.json   one blob per move, created once
/// </code>
/// Every operation on an environment holds the lease of its pointer blob for its whole run. Deploy uploads what is
/// missing, hashes every blob's bytes against the manifest, then writes the pointer with the lease id and an If-Match on
/// the ETag of the read that chose the move, appends to the history and reads the release back through the pointer. Promote copies a verified release on the server; Rollback points
/// back at an earlier release that still verifies. A failure leaves the pointer where it was.
/// </summary>
public sealed partial class ReleaseStore
{
    private const string DeployAction = "deploy";
    private const string PromoteAction = "promote";
    private const string RollbackAction = "rollback";

    /// <summary>Release blobs are written once: a write finds the blob there, and its content is compared, never replaced.</summary>
    private static BlobRequestConditions CreateOnly => new() { IfNoneMatch = ETag.All };

    private readonly ReleaseStoreOptions options;

    /// <summary>Creates a store in the container, under the path prefix (empty, or folders such as "kiln/").</summary>
    /// <exception cref="ArgumentException">The prefix has empty, '.' or '..' segments or backslashes.</exception>
    public ReleaseStore(BlobContainerClient container, string? pathPrefix = null, ReleaseStoreOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(container);
        Container = container;
        PathPrefix = NormalizePrefix(pathPrefix);
        this.options = options ?? new ReleaseStoreOptions();
    }

    /// <summary>The container the releases and pointers live in.</summary>
    public BlobContainerClient Container { get; }

    /// <summary>The path prefix inside the container: empty, or ending with '/'.</summary>
    public string PathPrefix { get; }

    /// <summary>Where the store is: the container's URL and the prefix.</summary>
    public Uri Location => Blob(PathPrefix);

    /// <summary>The folder of a release: container URL, prefix, releases/&lt;version&gt;/.</summary>
    public Uri ReleaseUri(string version) => Blob(ReleaseFolder(version));

    /// <summary>The pointer blob of an environment.</summary>
    public Uri PointerUri(string environment) => Blob(PointerName(environment));

    /// <summary>Checks an environment name: lower-case letters, digits and '-', starting with a letter, at most 63.</summary>
    /// <exception cref="ArgumentException">It is not one.</exception>
    public static void CheckEnvironment(string environment)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(environment);
        if (!EnvironmentPattern().IsMatch(environment))
        {
            throw new ArgumentException($"'{environment}' is not an environment name: use lower-case letters, digits and '-', starting with a letter (staging, production).", nameof(environment));
        }
    }

    /// <summary>
    /// Deploys the bundle to the environment: uploads the release (only what is not there yet and verified), hashes
    /// every blob's bytes against the manifest, moves the pointer, appends to the history, and reads the release back through
    /// the pointer. Running it again after an interruption finishes the job; running it again after success changes nothing.
    /// </summary>
    /// <exception cref="ReleaseStoreException">The version exists with other content, the release does not verify,
    /// another operation holds the environment past the wait, the pointer changed under us, or the storage failed; the
    /// message says which, and that the pointer did not move.</exception>
    public async Task<ReleaseResult> DeployAsync(ReleaseBundle bundle, string environment, ReleaseOrigin? origin = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        CheckEnvironment(environment);
        var manifest = (await bundle.CreateManifestAsync(cancellationToken).ConfigureAwait(false)).BuiltFrom(origin);
        return await UnderLeaseAsync(environment, DeployAction, async lease =>
        {
            var token = lease.Token;
            var (transferred, bytes, present, sent) = await UploadAsync(bundle, manifest, environment, token).ConfigureAwait(false);

            // A file this run uploaded was hashed as its bytes went out, against the manifest. A file stored by an earlier
            // run is known only by its recorded SHA-256, and may have been rewritten behind the store's back with the old
            // metadata: before the pointer moves, download and hash its bytes.
            var read = await ReadPointerAsync(environment, token).ConfigureAwait(false);
            if (read.Pointer?.Version != manifest.Version)
            {
                await VerifyContentAsync(manifest, $"Release {manifest.Version}", $"the pointer of '{environment}' was not moved", token, hashedAsSent: sent).ConfigureAwait(false);
            }

            var (moved, previous) = await MovePointerAsync(environment, manifest.Version, DeployAction, origin, read, lease, token).ConfigureAwait(false);
            await SmokeCheckAsync(environment, manifest.Version, token).ConfigureAwait(false);
            return Result(DeployAction, environment, manifest, moved, previous, transferred, bytes, present);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Promotes the release the source environment runs to the environment: checks that the release was built from a ref
    /// the environment takes, verifies the source release's bytes, copies them on the server when the stores differ
    /// (nothing to copy when they share a container and prefix), verifies, and moves the pointer, provided the source
    /// still runs that release. Never rebuilds.
    /// </summary>
    /// <param name="source">The store of the source environment.</param>
    /// <param name="sourceEnvironment">The environment whose release is promoted.</param>
    /// <param name="environment">The environment the release is promoted to.</param>
    /// <param name="origin">Who promotes (recorded in the pointer and history).</param>
    /// <param name="allowedRefs">The git ref patterns the environment takes (see <see cref="GitRefPattern"/>); the
    /// release's manifest must record a matching ref. Null takes a release built from any ref.</param>
    /// <param name="cancellationToken">Stops the promotion; the pointer then stays.</param>
    /// <exception cref="ReleaseStoreException">The source has no release or it does not verify, the release was built
    /// from a ref the environment does not take, the source moved meanwhile, the stores are in different accounts, or as
    /// for <see cref="DeployAsync"/>.</exception>
    public async Task<ReleaseResult> PromoteAsync(ReleaseStore source, string sourceEnvironment, string environment, ReleaseOrigin? origin = null, IReadOnlyList<string>? allowedRefs = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        CheckEnvironment(sourceEnvironment);
        CheckEnvironment(environment);
        var sameFolder = source.Container.Uri == Container.Uri && source.PathPrefix == PathPrefix;
        if (sameFolder && sourceEnvironment == environment)
        {
            throw new ReleaseStoreException($"Promote needs two environments; '{environment}' is both the source and the target.");
        }

        if (!sameFolder && (source.Container.Uri.Authority != Container.Uri.Authority || source.Container.AccountName != Container.AccountName))
        {
            throw new ReleaseStoreException($"Promote copies on the server within one storage account, and '{sourceEnvironment}' ({source.Container.Uri.Authority}) and '{environment}' ({Container.Uri.Authority}) are in different accounts: deploy the release to '{environment}' instead.");
        }

        var (pointer, sourceETag) = await source.ReadPointerAsync(sourceEnvironment, cancellationToken).ConfigureAwait(false);
        if (pointer is null)
        {
            throw new ReleaseStoreException($"'{sourceEnvironment}' has no release yet ({source.PointerUri(sourceEnvironment)} does not exist): deploy to it first, then promote.");
        }

        var manifest = await source.ReadManifestAsync(pointer.Version, cancellationToken).ConfigureAwait(false)
            ?? throw new ReleaseVerificationException($"'{sourceEnvironment}' points at {pointer.Version}, but {source.ReleaseUri(pointer.Version)} has no {ReleaseManifest.FileName}: its release is incomplete, so nothing was promoted.");
        if (allowedRefs is not null && RefRefusal(manifest, sourceEnvironment, environment, allowedRefs) is { } refusal)
        {
            throw new ReleaseStoreException(refusal);
        }

        await source.VerifyContentAsync(manifest, $"The release '{sourceEnvironment}' runs, {manifest.Version},", $"nothing was promoted and the pointer of '{environment}' was not moved", cancellationToken).ConfigureAwait(false);

        return await UnderLeaseAsync(environment, PromoteAction, async lease =>
        {
            var token = lease.Token;
            var read = await ReadPointerAsync(environment, token).ConfigureAwait(false);
            var (transferred, bytes, present, _) = sameFolder
                ? (0, 0L, manifest.Files.Count, new HashSet<string>())
                : await CopyAsync(source, manifest, environment, token).ConfigureAwait(false);
            await source.CheckUnmovedAsync(sourceEnvironment, sourceETag, pointer.Version, environment, token).ConfigureAwait(false);
            var (moved, previous) = await MovePointerAsync(environment, manifest.Version, PromoteAction, origin, read, lease, token).ConfigureAwait(false);
            await SmokeCheckAsync(environment, manifest.Version, token).ConfigureAwait(false);
            return Result(PromoteAction, environment, manifest, moved, previous, transferred, bytes, present);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Points the environment back at the version it ran before (the pointer's previous version) or at the named one,
    /// once that release is found complete and its bytes verify, under the environment's lease; recorded in the history.
    /// A named version must be one the environment ran (it is in its history) unless <paramref name="allowUnserved"/>.
    /// </summary>
    /// <param name="environment">The environment to roll back.</param>
    /// <param name="toVersion">The version to go back to; null for the one before the current.</param>
    /// <param name="origin">Who rolls back (recorded in the pointer and history).</param>
    /// <param name="allowUnserved">Whether a named version the environment never ran may be chosen.</param>
    /// <param name="cancellationToken">Stops the rollback; the pointer then stays.</param>
    /// <exception cref="ReleaseStoreException">Nothing to roll back to, the version was never served here, does not exist
    /// or does not verify (the pointer stays), or as for <see cref="DeployAsync"/>.</exception>
    public async Task<ReleaseResult> RollbackAsync(string environment, string? toVersion = null, ReleaseOrigin? origin = null, bool allowUnserved = false, CancellationToken cancellationToken = default)
    {
        CheckEnvironment(environment);
        if (toVersion is not null)
        {
            ReleaseManifest.CheckVersion(toVersion);
        }

        return await UnderLeaseAsync(environment, RollbackAction, async lease =>
        {
            var token = lease.Token;
            var read = await ReadPointerAsync(environment, token).ConfigureAwait(false);
            var current = read.Pointer;
            if (current is null)
            {
                throw new ReleaseStoreException($"'{environment}' has no release yet ({PointerUri(environment)} does not exist): there is nothing to roll back.");
            }

            var target = toVersion ?? current.PreviousVersion
                ?? throw new ReleaseStoreException($"'{environment}' runs {current.Version} and its pointer records no previous version: name one with --to-version (the history is under {Blob(HistoryFolder(environment))}).");
            if (target == current.Version)
            {
                throw new ReleaseStoreException($"'{environment}' already runs {target}: nothing to roll back.");
            }

            if (toVersion is not null && !allowUnserved)
            {
                var served = (await ReadHistoryAsync(environment, token).ConfigureAwait(false)).Select(entry => entry.Version).Distinct(StringComparer.Ordinal).ToList();
                if (!served.Contains(target, StringComparer.Ordinal))
                {
                    throw new ReleaseStoreException($"'{environment}' never ran {target} (its history has {(served.Count == 0 ? "no entries" : string.Join(", ", served.TakeLast(5)))}): roll back to a version it ran, or add --allow-unserved to point it at {target} anyway; the pointer of '{environment}' was not moved.");
                }
            }

            var manifest = await ReadManifestAsync(target, token).ConfigureAwait(false)
                ?? throw new ReleaseStoreException($"Release {target} does not exist at {ReleaseUri(target)} (or is incomplete: no {ReleaseManifest.FileName}): name a version that was deployed; the pointer of '{environment}' was not moved.");
            await VerifyContentAsync(manifest, $"Release {target}", $"the pointer of '{environment}' was not moved", token).ConfigureAwait(false);
            var (moved, previous) = await MovePointerAsync(environment, target, RollbackAction, origin, read, lease, token).ConfigureAwait(false);
            await SmokeCheckAsync(environment, target, token).ConfigureAwait(false);
            return Result(RollbackAction, environment, manifest, moved, previous, 0, 0, manifest.Files.Count);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The environment's pointer, or null before its first deploy.</summary>
    public async Task<EnvironmentPointer?> GetPointerAsync(string environment, CancellationToken cancellationToken = default)
    {
        CheckEnvironment(environment);
        return (await ReadPointerAsync(environment, cancellationToken).ConfigureAwait(false)).Pointer;
    }

    /// <summary>The environment's history, oldest first.</summary>
    /// <exception cref="ReleaseStoreException">An entry is not readable.</exception>
    public Task<IReadOnlyList<EnvironmentPointer>> GetHistoryAsync(string environment, CancellationToken cancellationToken = default)
    {
        CheckEnvironment(environment);
        return ReadHistoryAsync(environment, cancellationToken);
    }

    private async Task<IReadOnlyList<EnvironmentPointer>> ReadHistoryAsync(string environment, CancellationToken cancellationToken)
    {
        var entries = new List<(string Name, EnvironmentPointer Entry)>();
        await foreach (var item in Container.GetBlobsAsync(prefix: HistoryFolder(environment), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var content = await Container.GetBlobClient(item.Name).DownloadContentAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            entries.Add((item.Name, EnvironmentPointer.Parse(content.Value.Content.ToMemory().Span, item.Name)));
        }

        return [.. entries.OrderBy(entry => entry.Name, StringComparer.Ordinal).Select(entry => entry.Entry)];
    }

    /// <summary>The manifest of a complete release, or null when the version has none (never deployed, or interrupted).</summary>
    public async Task<ReleaseManifest?> GetManifestAsync(string version, CancellationToken cancellationToken = default)
    {
        ReleaseManifest.CheckVersion(version);
        return await ReadManifestAsync(version, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Downloads every file of the release and checks its length and SHA-256 against the manifest.</summary>
    /// <exception cref="ReleaseVerificationException">A file is missing or differs.</exception>
    public async Task VerifyAsync(string version, CancellationToken cancellationToken = default)
    {
        var manifest = await GetManifestAsync(version, cancellationToken).ConfigureAwait(false)
            ?? throw new ReleaseVerificationException($"Release {version} has no {ReleaseManifest.FileName} at {ReleaseUri(version)}: it was never deployed, or its deploy did not finish.");
        await VerifyContentAsync(manifest, $"Release {version}", "nothing was changed", cancellationToken).ConfigureAwait(false);
    }

    internal string ReleaseFolder(string version) => $"{PathPrefix}releases/{version}/";

    internal string ReleaseBlobName(string version, string path) => ReleaseFolder(version) + path;

    internal string PointerName(string environment) => $"{PathPrefix}environments/{environment}/current.json";

    internal string HistoryFolder(string environment) => $"{PathPrefix}environments/{environment}/history/";

    /// <summary>A history entry's name: its UTC time to the tick, then the version, so names sort by time and never collide.</summary>
    internal static string HistoryEntryName(DateTimeOffset time, string version) =>
        string.Create(CultureInfo.InvariantCulture, $"{time.UtcDateTime:yyyyMMdd'T'HHmmssfffffff'Z'}-{version}.json");

    internal static string NormalizePrefix(string? prefix)
    {
        if (string.IsNullOrEmpty(prefix) || prefix == "/")
        {
            return string.Empty;
        }

        var trimmed = prefix.Trim('/');
        if (trimmed.Contains('\\', StringComparison.Ordinal) || trimmed.Split('/').Any(segment => segment is "" or "." or ".."))
        {
            throw new ArgumentException($"'{prefix}' is not a path prefix: use folders separated by '/', such as 'kiln/' (no empty, '.' or '..' segments).", nameof(prefix));
        }

        return trimmed + "/";
    }

    internal static string ContentTypeOf(string path) => Path.GetExtension(path).ToUpperInvariant() switch
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

    private ReleaseResult Result(string action, string environment, ReleaseManifest manifest, bool moved, string? previous, int transferred, long bytes, int present) => new()
    {
        Action = action,
        Environment = environment,
        Version = manifest.Version,
        PreviousVersion = previous,
        PointerMoved = moved,
        ReleaseUri = ReleaseUri(manifest.Version),
        PointerUri = PointerUri(environment),
        Files = manifest.Files.Count,
        Transferred = transferred,
        TransferredBytes = bytes,
        AlreadyPresent = present,
    };

    private Uri Blob(string name) => new($"{Container.Uri.AbsoluteUri.TrimEnd('/')}/{name}");

    private async Task<ReleaseResult> UnderLeaseAsync(string environment, string action, Func<EnvironmentLease, Task<ReleaseResult>> run, CancellationToken cancellationToken)
    {
        try
        {
            await Container.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
            var lease = await EnvironmentLease.AcquireAsync(Container.GetBlobClient(PointerName(environment)), environment, options, cancellationToken).ConfigureAwait(false);
            await using (lease.ConfigureAwait(false))
            {
                try
                {
                    return await run(lease).ConfigureAwait(false);
                }
                catch (OperationCanceledException exception) when (lease.Lost && !cancellationToken.IsCancellationRequested)
                {
                    throw new ReleaseStoreException($"The {action} of '{environment}' stopped: lease lost on {PointerName(environment)} ({lease.LostReason}), so another operation may hold the environment now; this run moved nothing after that: check the pointer ({PointerUri(environment)}) and the history, then run again.", exception);
                }
            }
        }
        catch (RequestFailedException exception) when (exception.Status is 401 or 403)
        {
            throw new ReleaseStoreException($"The storage refused the credentials for {Container.Uri} ({exception.Status} {exception.ErrorCode}): check the key, SAS or identity, and the identity's role (Storage Blob Data Contributor); nothing was changed.", exception);
        }
        catch (RequestFailedException exception)
        {
            throw Stopped(action, environment, exception, exception.Message);
        }
        catch (AggregateException exception) when (exception.InnerExceptions.LastOrDefault() is RequestFailedException last)
        {
            // Azure.Core's retries gave up on a transport failure (the storage went away): one line for the last try.
            throw Stopped(action, environment, exception, $"{last.Message} (after {exception.InnerExceptions.Count} tries).");
        }
    }

    private static ReleaseStoreException Stopped(string action, string environment, Exception exception, string reason) =>
        new($"The {action} of '{environment}' stopped: {reason.TrimEnd('.')}. The pointer was not moved unless the history says so; run it again: files already uploaded and verified are not uploaded again.", exception);

    /// <summary>Uploads the files not yet present with the right bytes, verifies them all, then writes the manifest (the release is then complete).</summary>
    private Task<(int Transferred, long Bytes, int Present, IReadOnlySet<string> Sent)> UploadAsync(ReleaseBundle bundle, ReleaseManifest manifest, string environment, CancellationToken cancellationToken) =>
        TransferAsync(
            manifest,
            environment,
            "upload",
            "uploaded",
            async (file, token) =>
            {
                var blob = Container.GetBlobClient(ReleaseBlobName(manifest.Version, file.Path));
                var content = bundle.Open(file.Path);
                await using (content.ConfigureAwait(false))
                {
                    Response<BlobContentInfo> uploaded;
                    try
                    {
                        uploaded = await blob.UploadAsync(
                            content,
                            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = ContentTypeOf(file.Path) }, Conditions = CreateOnly },
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
            () => VerifyStoredAsync(manifest, $"Release {manifest.Version}", $"the pointer of '{environment}' was not moved", cancellationToken),
            cancellationToken);

    /// <summary>Copies the source release's files on the server (those not yet present and verified), verifies, then writes the manifest.</summary>
    private Task<(int Transferred, long Bytes, int Present, IReadOnlySet<string> Sent)> CopyAsync(ReleaseStore source, ReleaseManifest manifest, string environment, CancellationToken cancellationToken) =>
        TransferAsync(
            manifest,
            environment,
            "copy",
            "copied on the server",
            async (file, token) =>
            {
                var from = source.Container.GetBlobClient(source.ReleaseBlobName(manifest.Version, file.Path));
                var blob = Container.GetBlobClient(ReleaseBlobName(manifest.Version, file.Path));
                try
                {
                    var copy = await blob.StartCopyFromUriAsync(from.Uri, new BlobCopyFromUriOptions { DestinationConditions = CreateOnly }, token).ConfigureAwait(false);
                    await copy.WaitForCompletionAsync(TimeSpan.FromMilliseconds(250), token).ConfigureAwait(false);
                    return true;
                }
                catch (RequestFailedException exception) when (exception.Status is 409 or 412)
                {
                    return await StoredAlreadyAsync(blob, manifest, file, environment, exception, token).ConfigureAwait(false);
                }
            },
            () => VerifyContentAsync(manifest, $"The copy of release {manifest.Version}", $"the pointer of '{environment}' was not moved", cancellationToken),
            cancellationToken);

    /// <summary>
    /// What uploading and copying share: nothing to do for a release already complete here; otherwise each file not yet
    /// present with the right bytes is transferred (in parallel; false when another deploy stored it first), all are
    /// verified, then the manifest completes the release. Returns, besides the counts, the paths this run transferred.
    /// </summary>
    private async Task<(int Transferred, long Bytes, int Present, IReadOnlySet<string> Sent)> TransferAsync(
        ReleaseManifest manifest,
        string environment,
        string action,
        string done,
        Func<ReleaseFile, CancellationToken, Task<bool>> transfer,
        Func<Task> verify,
        CancellationToken cancellationToken)
    {
        if (await CompleteReleaseAsync(manifest, environment, cancellationToken).ConfigureAwait(false))
        {
            options.Log?.Invoke($"Release {manifest.Version} is already at {ReleaseUri(manifest.Version)} with the same content and verified: nothing to {action}.");
            return (0, 0, manifest.Files.Count, new HashSet<string>());
        }

        var stored = await ListReleaseAsync(manifest.Version, cancellationToken).ConfigureAwait(false);
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

            if (await transfer(file, token).ConfigureAwait(false))
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
        var existing = await ReadManifestAsync(manifest.Version, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            return false;
        }

        if (manifest.FirstDifference(existing) is { } difference)
        {
            throw OtherContent(manifest.Version, environment, difference);
        }

        await VerifyStoredAsync(existing, $"Release {manifest.Version}", $"the pointer of '{environment}' was not moved", cancellationToken).ConfigureAwait(false);
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
        var message = $"Release {version} already exists with other content: a version is built once; promote it instead, or build the change under a new version ({difference}; at {ReleaseUri(version)}); the pointer of '{environment}' was not moved.";
        return cause is null ? new ReleaseStoreException(message) : new ReleaseStoreException(message, cause);
    }

    private async Task WriteManifestAsync(ReleaseManifest manifest, string environment, CancellationToken cancellationToken)
    {
        try
        {
            await Container.GetBlobClient(ReleaseBlobName(manifest.Version, ReleaseManifest.FileName)).UploadAsync(
                BinaryData.FromBytes(manifest.ToJson()),
                new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" }, Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } },
                cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            // Another deploy of the same version finished first: fine when it released the same files.
            var existing = await ReadManifestAsync(manifest.Version, cancellationToken).ConfigureAwait(false);
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

    /// <summary>Lists the release's blobs with their length and recorded SHA-256 (one List Blobs per 5,000 files).</summary>
    private async Task<Dictionary<string, (long Length, string? Sha256)>> ListReleaseAsync(string version, CancellationToken cancellationToken)
    {
        var folder = ReleaseFolder(version);
        var stored = new Dictionary<string, (long, string?)>(StringComparer.Ordinal);
        await foreach (var item in Container.GetBlobsAsync(BlobTraits.Metadata, folder, cancellationToken).ConfigureAwait(false))
        {
            item.Metadata.TryGetValue(BlobClient.Sha256MetadataName, out var sha256);
            stored[item.Name[folder.Length..]] = (item.Properties.ContentLength ?? -1, sha256);
        }

        return stored;
    }

    /// <summary>Checks every file's stored length and recorded SHA-256 against the manifest (what the upload measured of the bytes it sent).</summary>
    private async Task VerifyStoredAsync(ReleaseManifest manifest, string subject, string consequence, CancellationToken cancellationToken)
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
    private async Task VerifyContentAsync(ReleaseManifest manifest, string subject, string consequence, CancellationToken cancellationToken, IReadOnlySet<string>? hashedAsSent = null)
    {
        var problems = new ConcurrentBag<string>();
        var toRead = hashedAsSent is null ? manifest.Files : [.. manifest.Files.Where(file => !hashedAsSent.Contains(file.Path))];
        await Parallel.ForEachAsync(toRead, new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken }, async (file, token) =>
        {
            using var hash = new HashingStream();
            try
            {
                await Container.GetBlobClient(ReleaseBlobName(manifest.Version, file.Path)).DownloadToAsync(hash, token).ConfigureAwait(false);
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
        throw new ReleaseVerificationException($"{subject} at {ReleaseUri(manifest.Version)} failed verification: {shown}{more}; {consequence}.");
    }

    private async Task<ReleaseManifest?> ReadManifestAsync(string version, CancellationToken cancellationToken)
    {
        var name = ReleaseBlobName(version, ReleaseManifest.FileName);
        try
        {
            var content = await Container.GetBlobClient(name).DownloadContentAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
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

    private async Task<(EnvironmentPointer? Pointer, ETag ETag)> ReadPointerAsync(string environment, CancellationToken cancellationToken)
    {
        var name = PointerName(environment);
        try
        {
            var content = await Container.GetBlobClient(name).DownloadContentAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            var json = content.Value.Content.ToMemory();

            // Empty: created to be leased before the environment's first move.
            return (json.IsEmpty ? null : EnvironmentPointer.Parse(json.Span, name), content.Value.Details.ETag);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return (null, default);
        }
    }

    /// <summary>
    /// Moves the pointer with the environment's lease id and an If-Match on the ETag of the read that chose the move, then
    /// adds the history entry (a new blob, If-None-Match: *). Nothing moves when the pointer already names the version; its
    /// history entry is then written if an interrupted run left it out. A write refused because the blob holds exactly what
    /// this run wrote (a retried try whose first answer was lost) counts as written.
    /// </summary>
    private async Task<(bool Moved, string? Previous)> MovePointerAsync(
        string environment, string version, string action, ReleaseOrigin? origin, (EnvironmentPointer? Pointer, ETag ETag) read, EnvironmentLease lease, CancellationToken cancellationToken)
    {
        var current = read.Pointer;
        if (current?.Version == version)
        {
            options.Log?.Invoke($"'{environment}' already runs {version}: the pointer stays.");
            await RecordAsync(environment, current, repair: true, cancellationToken).ConfigureAwait(false);
            return (false, current.PreviousVersion);
        }

        var next = new EnvironmentPointer(environment, version, action, options.Clock.GetUtcNow(), origin?.Commit, origin?.Run, current?.Version);
        if (options.BeforePointerWrite is { } beforeWrite)
        {
            await beforeWrite(cancellationToken).ConfigureAwait(false);
        }

        // Cancelled also when the lease is lost: the pointer never moves without it.
        cancellationToken.ThrowIfCancellationRequested();

        var conditions = new BlobRequestConditions { LeaseId = lease.LeaseId };
        if (read.ETag == default)
        {
            conditions.IfNoneMatch = ETag.All;
        }
        else
        {
            conditions.IfMatch = read.ETag;
        }

        try
        {
            await Container.GetBlobClient(PointerName(environment)).UploadAsync(
                BinaryData.FromBytes(next.ToJson()),
                new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" }, Conditions = conditions },
                cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exception) when (exception.Status is 409 or 412)
        {
            // A retry meets the pointer its first try wrote when only the answer was lost: that is this run's write.
            if ((await ReadPointerAsync(environment, cancellationToken).ConfigureAwait(false)).Pointer != next)
            {
                throw exception.ErrorCode is { } code && code.StartsWith("Lease", StringComparison.Ordinal)
                    ? new ReleaseStoreException($"The storage refused the pointer write of '{environment}' ({exception.Status} {code}): this run's lease on {PointerName(environment)} lapsed and another operation holds the environment now; nothing was overwritten: look at the pointer and the history, then run again.", exception)
                    : new ReleaseStoreException($"The pointer {PointerName(environment)} changed after it was read (someone moved it since this run chose its move): it was not overwritten, so '{environment}' runs what that writer left; look at it and the history, then run again.", exception);
            }
        }

        await RecordAsync(environment, next, repair: false, cancellationToken).ConfigureAwait(false);
        options.Log?.Invoke($"'{environment}' now runs {version} (was {current?.Version ?? "nothing"}).");
        return (true, current?.Version);
    }

    /// <summary>
    /// Adds the move to the environment's history (create-only). An entry already there with the same content is this
    /// move's (a retried write whose answer was lost, or a rerun after the history write was cut off).
    /// </summary>
    private async Task RecordAsync(string environment, EnvironmentPointer move, bool repair, CancellationToken cancellationToken)
    {
        var entry = Container.GetBlobClient(HistoryFolder(environment) + HistoryEntryName(move.Time, move.Version));
        try
        {
            await entry.UploadAsync(
                BinaryData.FromBytes(move.ToJson()),
                new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" }, Conditions = CreateOnly },
                cancellationToken).ConfigureAwait(false);
            if (repair)
            {
                options.Log?.Invoke($"The history of '{environment}' lacked the move to {move.Version} (an earlier run stopped after moving the pointer): added {entry.Name}.");
            }
        }
        catch (RequestFailedException exception) when (exception.Status is 409 or 412)
        {
            var stored = await entry.DownloadContentAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            if (EnvironmentPointer.Parse(stored.Value.Content.ToMemory().Span, entry.Name) != move)
            {
                throw new ReleaseStoreException($"'{environment}' now runs {move.Version}, but its history entry {entry.Name} already exists with other content, so this move is not recorded: look at the history, then record the move by hand.", exception);
            }
        }
    }

    /// <summary>Refuses a promotion when the source environment's pointer moved since its release was chosen (If-Match on the ETag of that read).</summary>
    private async Task CheckUnmovedAsync(string environment, ETag chosenAt, string version, string target, CancellationToken cancellationToken)
    {
        try
        {
            await Container.GetBlobClient(PointerName(environment)).GetPropertiesAsync(new BlobRequestConditions { IfMatch = chosenAt }, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exception) when (exception.Status is 412 or 404)
        {
            var now = (await ReadPointerAsync(environment, cancellationToken).ConfigureAwait(false)).Pointer?.Version ?? "nothing";
            throw new ReleaseStoreException($"'{environment}' moved from {version} to {now} while {version} was promoted to '{target}' (a rollback or deploy ran meanwhile): nothing was promoted and the pointer of '{target}' was not moved; run Promote again to promote what '{environment}' runs now.", exception);
        }
    }

    /// <summary>Why a release may not be promoted to an environment that takes only some refs; null when it may.</summary>
    private static string? RefRefusal(ReleaseManifest manifest, string sourceEnvironment, string environment, IReadOnlyList<string> allowedRefs)
    {
        if (manifest.GitRef is { } gitRef && allowedRefs.Any(pattern => GitRefPattern.Matches(pattern, gitRef)))
        {
            return null;
        }

        var takes = string.Join(", ", allowedRefs);
        return manifest.GitRef is null
            ? $"Release {manifest.Version} records no git ref (an earlier Kiln deployed it), and '{environment}' takes only {takes}: deploy it again from one of those refs to '{sourceEnvironment}', then promote; the pointer of '{environment}' was not moved."
            : $"Release {manifest.Version} was built from {manifest.GitRef}, and '{environment}' takes only {takes}: promote a release built from one of those (deploy such a ref to '{sourceEnvironment}' first); the pointer of '{environment}' was not moved.";
    }

    /// <summary>
    /// Reads the release back the way a consumer finds it: through the pointer, then the manifest, then every file's
    /// length and recorded SHA-256 (one listing). The bytes were hashed moments before the pointer moved.
    /// </summary>
    private async Task SmokeCheckAsync(string environment, string version, CancellationToken cancellationToken)
    {
        var (pointer, _) = await ReadPointerAsync(environment, cancellationToken).ConfigureAwait(false);
        if (pointer?.Version != version)
        {
            throw new ReleaseStoreException($"Smoke check: the pointer of '{environment}' names {pointer?.Version ?? "nothing"}, not {version}: another writer moved it; look at the history under {Blob(HistoryFolder(environment))}.");
        }

        var manifest = await ReadManifestAsync(pointer.Version, cancellationToken).ConfigureAwait(false)
            ?? throw new ReleaseVerificationException($"Smoke check: '{environment}' points at {version}, which has no {ReleaseManifest.FileName} at {ReleaseUri(version)}: roll back (Rollback) to the previous release.");
        await VerifyStoredAsync(manifest, $"Smoke check of '{environment}': release {version}", "roll back (Rollback) to the previous release", cancellationToken).ConfigureAwait(false);
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex EnvironmentPattern();

    /// <summary>A write-only stream that counts and hashes what goes through it (SHA-256).</summary>
    private sealed class HashingStream : Stream
    {
        private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private long length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => length;

        public override long Position
        {
            get => length;
            set => throw new NotSupportedException();
        }

        public (long Length, string Sha256) Finish() => (length, Convert.ToHexStringLower(hash.GetHashAndReset()));

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            hash.AppendData(buffer);
            length += buffer.Length;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer.AsSpan(offset, count));
            return Task.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                hash.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
