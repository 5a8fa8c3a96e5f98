using Azure;
using Kiln.Azure.Models;

namespace Kiln.Azure.Releases;

/// <summary>
/// The environments' pointers (<c>environments/&lt;env&gt;/current.json</c>): an operation holds the pointer's lease for
/// its whole run, reads the pointer, and moves it with the lease id and an If-Match on the ETag of that read, so that
/// nothing it did not see is overwritten.
/// </summary>
internal sealed class EnvironmentPointers(ReleaseLayout layout, EnvironmentHistory history, ReleaseStoreOptions options)
{
    /// <summary>
    /// Runs the operation holding the environment's lease (created with the container when missing); turns the storage's
    /// refusals and failures into one <see cref="ReleaseStoreException"/> that says what was left as it was.
    /// </summary>
    public async Task<ReleaseResult> UnderLeaseAsync(string environment, string action, Func<EnvironmentLease, Task<ReleaseResult>> run, CancellationToken cancellationToken)
    {
        var container = layout.Container;
        try
        {
            await container.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
            var lease = await EnvironmentLease.AcquireAsync(layout.PointerBlob(environment), environment, options, cancellationToken).ConfigureAwait(false);
            await using (lease.ConfigureAwait(false))
            {
                try
                {
                    return await run(lease).ConfigureAwait(false);
                }
                catch (OperationCanceledException exception) when (lease.Lost && !cancellationToken.IsCancellationRequested)
                {
                    throw new ReleaseStoreException($"The {action} of '{environment}' stopped: lease lost on {layout.PointerName(environment)} ({lease.LostReason}), so another operation may hold the environment now; this run moved nothing after that: check the pointer ({layout.PointerUri(environment)}) and the history, then run again.", exception);
                }
            }
        }
        catch (RequestFailedException exception) when (exception.Status is 401 or 403)
        {
            throw new ReleaseStoreException($"The storage refused the credentials for {container.Uri} ({exception.Status} {exception.ErrorCode}): check the key, SAS or identity, and the identity's role (Storage Blob Data Contributor); nothing was changed.", exception);
        }
        catch (RequestFailedException exception)
        {
            throw Stopped(action, environment, exception, exception.Message);
        }
        catch (AggregateException exception) when (!cancellationToken.IsCancellationRequested && exception.InnerExceptions.OfType<RequestFailedException>().LastOrDefault() is { } last)
        {
            // Azure.Core's retries gave up on a transport failure (the storage went away): one line for the last try.
            throw Stopped(action, environment, exception, $"{last.Message} (after {exception.InnerExceptions.Count} tries).");
        }
    }

    /// <summary>The pointer and the ETag of this read; no pointer (and no ETag) before the environment's first move.</summary>
    public async Task<(EnvironmentPointer? Pointer, ETag ETag)> ReadAsync(string environment, CancellationToken cancellationToken)
    {
        var name = layout.PointerName(environment);
        try
        {
            var content = await layout.Container.GetBlobClient(name).DownloadContentAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
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
    public async Task<(bool Moved, string? Previous)> MoveAsync(
        string environment, string version, string action, ReleaseOrigin? origin, (EnvironmentPointer? Pointer, ETag ETag) read, EnvironmentLease lease, CancellationToken cancellationToken)
    {
        var current = read.Pointer;
        if (current?.Version == version)
        {
            options.Log?.Invoke($"'{environment}' already runs {version}: the pointer stays.");
            await history.RecordAsync(environment, current, repair: true, cancellationToken).ConfigureAwait(false);
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
            await layout.PointerBlob(environment).UploadAsync(
                BinaryData.FromBytes(next.ToJson()),
                new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" }, Conditions = conditions },
                cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exception) when (exception.Status is 409 or 412)
        {
            // A retry meets the pointer its first try wrote when only the answer was lost: that is this run's write.
            if ((await ReadAsync(environment, cancellationToken).ConfigureAwait(false)).Pointer != next)
            {
                throw exception.ErrorCode is { } code && code.StartsWith("Lease", StringComparison.Ordinal)
                    ? new ReleaseStoreException($"The storage refused the pointer write of '{environment}' ({exception.Status} {code}): this run's lease on {layout.PointerName(environment)} lapsed and another operation holds the environment now; nothing was overwritten: look at the pointer and the history, then run again.", exception)
                    : new ReleaseStoreException($"The pointer {layout.PointerName(environment)} changed after it was read (someone moved it since this run chose its move): it was not overwritten, so '{environment}' runs what that writer left; look at it and the history, then run again.", exception);
            }
        }

        await history.RecordAsync(environment, next, repair: false, cancellationToken).ConfigureAwait(false);
        options.Log?.Invoke($"'{environment}' now runs {version} (was {current?.Version ?? "nothing"}).");
        return (true, current?.Version);
    }

    /// <summary>Refuses a promotion when the source environment's pointer moved since its release was chosen (If-Match on the ETag of that read).</summary>
    public async Task CheckUnmovedAsync(string environment, ETag chosenAt, string version, string target, CancellationToken cancellationToken)
    {
        try
        {
            await layout.PointerBlob(environment).GetPropertiesAsync(new BlobRequestConditions { IfMatch = chosenAt }, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exception) when (exception.Status is 412 or 404)
        {
            var now = (await ReadAsync(environment, cancellationToken).ConfigureAwait(false)).Pointer?.Version ?? "nothing";
            throw new ReleaseStoreException($"'{environment}' moved from {version} to {now} while {version} was promoted to '{target}' (a rollback or deploy ran meanwhile): nothing was promoted and the pointer of '{target}' was not moved; run Promote again to promote what '{environment}' runs now.", exception);
        }
    }

    private static ReleaseStoreException Stopped(string action, string environment, Exception exception, string reason) =>
        new($"The {action} of '{environment}' stopped: {reason.TrimEnd('.')}. The pointer was not moved unless the history says so; run it again: files already uploaded and verified are not uploaded again.", exception);
}
