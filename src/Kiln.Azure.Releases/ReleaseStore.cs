using System.Text.RegularExpressions;

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
/// This class is the public face and the order of the steps; each step is a piece of its own: <c>ReleaseTransfer</c>
/// (upload, server-side copy), <c>ReleaseVerifier</c>, <c>EnvironmentPointers</c> (the pointer under its lease) and
/// <c>EnvironmentHistory</c>, over the blob names of <c>ReleaseLayout</c>.
/// </summary>
public sealed partial class ReleaseStore
{
    private const string DeployAction = "deploy";
    private const string PromoteAction = "promote";
    private const string RollbackAction = "rollback";

    private readonly ReleaseLayout layout;
    private readonly ReleaseVerifier verifier;
    private readonly ReleaseTransfer transfer;
    private readonly EnvironmentHistory history;
    private readonly EnvironmentPointers pointers;

    /// <summary>Creates a store in the container, under the path prefix (empty, or folders such as "kiln/").</summary>
    /// <exception cref="ArgumentException">The prefix has empty, '.' or '..' segments or backslashes.</exception>
    public ReleaseStore(BlobContainerClient container, string? pathPrefix = null, ReleaseStoreOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(container);
        options ??= new ReleaseStoreOptions();
        layout = new ReleaseLayout(container, pathPrefix);
        verifier = new ReleaseVerifier(layout, options);
        transfer = new ReleaseTransfer(layout, verifier, options);
        history = new EnvironmentHistory(layout, options);
        pointers = new EnvironmentPointers(layout, history, options);
    }

    /// <summary>The container the releases and pointers live in.</summary>
    public BlobContainerClient Container => layout.Container;

    /// <summary>The path prefix inside the container: empty, or ending with '/'.</summary>
    public string PathPrefix => layout.PathPrefix;

    /// <summary>Where the store is: the container's URL and the prefix.</summary>
    public Uri Location => layout.Blob(PathPrefix);

    /// <summary>The folder of a release: container URL, prefix, releases/&lt;version&gt;/.</summary>
    public Uri ReleaseUri(string version) => layout.ReleaseUri(version);

    /// <summary>The pointer blob of an environment.</summary>
    public Uri PointerUri(string environment) => layout.PointerUri(environment);

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
        return await pointers.UnderLeaseAsync(environment, DeployAction, async lease =>
        {
            var token = lease.Token;
            var (transferred, bytes, present, sent) = await transfer.UploadAsync(bundle, manifest, environment, token).ConfigureAwait(false);

            // A file this run uploaded was hashed as its bytes went out, against the manifest. A file stored by an earlier
            // run is known only by its recorded SHA-256, and may have been rewritten behind the store's back with the old
            // metadata: before the pointer moves, download and hash its bytes.
            var read = await pointers.ReadAsync(environment, token).ConfigureAwait(false);
            if (read.Pointer?.Version != manifest.Version)
            {
                await verifier.VerifyContentAsync(manifest, $"Release {manifest.Version}", $"the pointer of '{environment}' was not moved", token, hashedAsSent: sent).ConfigureAwait(false);
            }

            var (moved, previous) = await pointers.MoveAsync(environment, manifest.Version, DeployAction, origin, read, lease, token).ConfigureAwait(false);
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

        var (pointer, sourceETag) = await source.pointers.ReadAsync(sourceEnvironment, cancellationToken).ConfigureAwait(false);
        if (pointer is null)
        {
            throw new ReleaseStoreException($"'{sourceEnvironment}' has no release yet ({source.PointerUri(sourceEnvironment)} does not exist): deploy to it first, then promote.");
        }

        var manifest = await source.verifier.ReadManifestAsync(pointer.Version, cancellationToken).ConfigureAwait(false)
            ?? throw new ReleaseVerificationException($"'{sourceEnvironment}' points at {pointer.Version}, but {source.ReleaseUri(pointer.Version)} has no {ReleaseManifest.FileName}: its release is incomplete, so nothing was promoted.");
        if (allowedRefs is not null && RefRefusal(manifest, sourceEnvironment, environment, allowedRefs) is { } refusal)
        {
            throw new ReleaseStoreException(refusal);
        }

        await source.verifier.VerifyContentAsync(manifest, $"The release '{sourceEnvironment}' runs, {manifest.Version},", $"nothing was promoted and the pointer of '{environment}' was not moved", cancellationToken).ConfigureAwait(false);

        return await pointers.UnderLeaseAsync(environment, PromoteAction, async lease =>
        {
            var token = lease.Token;
            var read = await pointers.ReadAsync(environment, token).ConfigureAwait(false);
            var (transferred, bytes, present, _) = sameFolder
                ? (0, 0L, manifest.Files.Count, new HashSet<string>())
                : await transfer.CopyAsync(source.layout, manifest, environment, token).ConfigureAwait(false);
            await source.pointers.CheckUnmovedAsync(sourceEnvironment, sourceETag, pointer.Version, environment, token).ConfigureAwait(false);
            var (moved, previous) = await pointers.MoveAsync(environment, manifest.Version, PromoteAction, origin, read, lease, token).ConfigureAwait(false);
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

        return await pointers.UnderLeaseAsync(environment, RollbackAction, async lease =>
        {
            var token = lease.Token;
            var read = await pointers.ReadAsync(environment, token).ConfigureAwait(false);
            var current = read.Pointer;
            if (current is null)
            {
                throw new ReleaseStoreException($"'{environment}' has no release yet ({PointerUri(environment)} does not exist): there is nothing to roll back.");
            }

            var target = toVersion ?? current.PreviousVersion
                ?? throw new ReleaseStoreException($"'{environment}' runs {current.Version} and its pointer records no previous version: name one with --to-version (the history is under {layout.Blob(layout.HistoryFolder(environment))}).");
            if (target == current.Version)
            {
                throw new ReleaseStoreException($"'{environment}' already runs {target}: nothing to roll back.");
            }

            if (toVersion is not null && !allowUnserved)
            {
                var served = (await history.ReadAsync(environment, token).ConfigureAwait(false)).Select(entry => entry.Version).Distinct(StringComparer.Ordinal).ToList();
                if (!served.Contains(target, StringComparer.Ordinal))
                {
                    throw new ReleaseStoreException($"'{environment}' never ran {target} (its history has {(served.Count == 0 ? "no entries" : string.Join(", ", served.TakeLast(5)))}): roll back to a version it ran, or add --allow-unserved to point it at {target} anyway; the pointer of '{environment}' was not moved.");
                }
            }

            var manifest = await verifier.ReadManifestAsync(target, token).ConfigureAwait(false)
                ?? throw new ReleaseStoreException($"Release {target} does not exist at {ReleaseUri(target)} (or is incomplete: no {ReleaseManifest.FileName}): name a version that was deployed; the pointer of '{environment}' was not moved.");
            await verifier.VerifyContentAsync(manifest, $"Release {target}", $"the pointer of '{environment}' was not moved", token).ConfigureAwait(false);
            var (moved, previous) = await pointers.MoveAsync(environment, target, RollbackAction, origin, read, lease, token).ConfigureAwait(false);
            await SmokeCheckAsync(environment, target, token).ConfigureAwait(false);
            return Result(RollbackAction, environment, manifest, moved, previous, 0, 0, manifest.Files.Count);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The environment's pointer, or null before its first deploy.</summary>
    public async Task<EnvironmentPointer?> GetPointerAsync(string environment, CancellationToken cancellationToken = default)
    {
        CheckEnvironment(environment);
        return (await pointers.ReadAsync(environment, cancellationToken).ConfigureAwait(false)).Pointer;
    }

    /// <summary>The environment's history, oldest first.</summary>
    /// <exception cref="ReleaseStoreException">An entry is not readable.</exception>
    public Task<IReadOnlyList<EnvironmentPointer>> GetHistoryAsync(string environment, CancellationToken cancellationToken = default)
    {
        CheckEnvironment(environment);
        return history.ReadAsync(environment, cancellationToken);
    }

    /// <summary>The manifest of a complete release, or null when the version has none (never deployed, or interrupted).</summary>
    public async Task<ReleaseManifest?> GetManifestAsync(string version, CancellationToken cancellationToken = default)
    {
        ReleaseManifest.CheckVersion(version);
        return await verifier.ReadManifestAsync(version, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Downloads every file of the release and checks its length and SHA-256 against the manifest.</summary>
    /// <exception cref="ReleaseVerificationException">A file is missing or differs.</exception>
    public async Task VerifyAsync(string version, CancellationToken cancellationToken = default)
    {
        var manifest = await GetManifestAsync(version, cancellationToken).ConfigureAwait(false)
            ?? throw new ReleaseVerificationException($"Release {version} has no {ReleaseManifest.FileName} at {ReleaseUri(version)}: it was never deployed, or its deploy did not finish.");
        await verifier.VerifyContentAsync(manifest, $"Release {version}", "nothing was changed", cancellationToken).ConfigureAwait(false);
    }

    // The names and content types the store writes, as its pieces give them.
    internal string ReleaseBlobName(string version, string path) => layout.ReleaseBlobName(version, path);

    internal string PointerName(string environment) => layout.PointerName(environment);

    internal string HistoryFolder(string environment) => layout.HistoryFolder(environment);

    internal static string HistoryEntryName(DateTimeOffset time, string version) => EnvironmentHistory.EntryName(time, version);

    internal static string ContentTypeOf(string path) => ReleaseTransfer.ContentTypeOf(path);

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
        var (pointer, _) = await pointers.ReadAsync(environment, cancellationToken).ConfigureAwait(false);
        if (pointer?.Version != version)
        {
            throw new ReleaseStoreException($"Smoke check: the pointer of '{environment}' names {pointer?.Version ?? "nothing"}, not {version}: another writer moved it; look at the history under {layout.Blob(layout.HistoryFolder(environment))}.");
        }

        var manifest = await verifier.ReadManifestAsync(pointer.Version, cancellationToken).ConfigureAwait(false)
            ?? throw new ReleaseVerificationException($"Smoke check: '{environment}' points at {version}, which has no {ReleaseManifest.FileName} at {ReleaseUri(version)}: roll back (Rollback) to the previous release.");
        await verifier.VerifyStoredAsync(manifest, $"Smoke check of '{environment}': release {version}", "roll back (Rollback) to the previous release", cancellationToken).ConfigureAwait(false);
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex EnvironmentPattern();
}
