using System.Diagnostics;
using System.Globalization;
using Azure;
using Kiln.Azure.Models;

namespace Kiln.Azure.Releases;

/// <summary>
/// The lease on an environment's pointer blob (<c>environments/&lt;env&gt;/current.json</c>) that one deploy, promote or
/// rollback holds for its whole run, renewed in the background. The pointer write carries the lease id, so the storage
/// itself refuses a holder whose lease lapsed and was taken by another operation. Another operation on the environment
/// waits for it a bounded time, then fails with a message that says who to wait for. A lease needs an existing blob: before
/// the first deploy the pointer is created empty (0 bytes), which readers take as "no release yet".
/// </summary>
internal sealed class EnvironmentLease : IAsyncDisposable
{
    private static readonly TimeSpan ReleaseTimeout = TimeSpan.FromSeconds(10);

    private readonly BlobLeaseClient lease;
    private readonly CancellationTokenSource stop = new();
    private readonly CancellationTokenSource lost = new();
    private readonly CancellationTokenSource operation;
    private readonly Task renewing;

    private EnvironmentLease(BlobLeaseClient lease, TimeSpan duration, CancellationToken cancellationToken)
    {
        this.lease = lease;
        operation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lost.Token);
        renewing = RenewAsync(duration);
    }

    /// <summary>The lease id, sent with every write of the pointer.</summary>
    public string LeaseId => lease.LeaseId;

    /// <summary>Cancelled when the caller cancels or the lease is lost (a renewal failed).</summary>
    public CancellationToken Token => operation.Token;

    /// <summary>Whether a renewal failed, so that the environment may no longer be this operation's alone.</summary>
    public bool Lost => lost.IsCancellationRequested;

    /// <summary>Why the lease was lost, in words that never hold a key; null while it is held.</summary>
    public string? LostReason { get; private set; }

    public static async Task<EnvironmentLease> AcquireAsync(BlobClient pointerBlob, string environment, ReleaseStoreOptions options, CancellationToken cancellationToken)
    {
        try
        {
            await pointerBlob.UploadAsync(
                BinaryData.FromString(string.Empty),
                new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" }, Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } },
                cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exception) when (exception.Status is 409 or 412)
        {
            // The pointer exists (412: and someone holds its lease).
        }

        var client = pointerBlob.GetBlobLeaseClient();
        var clock = Stopwatch.StartNew();
        var waiting = false;
        while (true)
        {
            try
            {
                await client.AcquireAsync(options.LeaseDuration, cancellationToken: cancellationToken).ConfigureAwait(false);
                return new EnvironmentLease(client, options.LeaseDuration, cancellationToken);
            }
            catch (RequestFailedException exception) when (exception.Status == 409)
            {
                if (clock.Elapsed >= options.LeaseWaitTime)
                {
                    throw new ReleaseStoreException(string.Create(CultureInfo.InvariantCulture,
                        $"Another deploy, promote or rollback of '{environment}' holds its lease (on {pointerBlob.Name}) and did not finish within {options.LeaseWaitTime.TotalSeconds:0} s: let it finish, then run again (a lease whose holder died expires within {options.LeaseDuration.TotalSeconds:0} s)."));
                }

                if (!waiting)
                {
                    waiting = true;
                    options.Log?.Invoke($"Another operation holds the lease of '{environment}' (on {pointerBlob.Name}): waiting for it.");
                }

                await Task.Delay(options.LeaseRetryInterval, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        await renewing.ConfigureAwait(false);
        if (!Lost)
        {
            using var timeout = new CancellationTokenSource(ReleaseTimeout);
            try
            {
                await lease.ReleaseAsync(cancellationToken: timeout.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is RequestFailedException or OperationCanceledException)
            {
                // The storage is gone or slow: the lease expires by itself within its duration.
            }
        }

        operation.Dispose();
        lost.Dispose();
        stop.Dispose();
    }

    /// <summary>
    /// Renews every third of the duration, each renewal (Azure.Core's retries included) bounded by a quarter of it, so
    /// that a renewal that fails in any way, or does not answer, is known before the lease can expire: the lease is
    /// then lost and the operation cancelled.
    /// </summary>
    private async Task RenewAsync(TimeSpan duration)
    {
        var interval = duration / 3;
        var deadline = duration / 4;
        while (true)
        {
            try
            {
                await Task.Delay(interval, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return; // Disposed: the operation is over.
            }

            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
            attempt.CancelAfter(deadline);
            try
            {
                await lease.RenewAsync(cancellationToken: attempt.Token).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                if (stop.IsCancellationRequested)
                {
                    // Disposed while renewing: the operation is over, whatever the renewal answered (an error, a
                    // cancellation, or Azure.Core's AggregateException of its tries when the storage went away).
                    return;
                }

                LostReason = exception switch
                {
                    OperationCanceledException when attempt.IsCancellationRequested => string.Create(CultureInfo.InvariantCulture, $"the renewal got no answer within {deadline.TotalSeconds:0.#} s"),
                    RequestFailedException { Status: > 0 } failed => string.Create(CultureInfo.InvariantCulture, $"the renewal failed with {failed.Status} {failed.ErrorCode}"),
                    _ => $"the renewal failed ({exception.GetType().Name})",
                };
                await lost.CancelAsync().ConfigureAwait(false);
                return;
            }
        }
    }
}
