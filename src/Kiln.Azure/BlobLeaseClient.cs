using System.Globalization;
using Azure;
using Azure.Core;
using Kiln.Azure.Models;
using Kiln.Azure.Pipeline;

namespace Kiln.Azure;

/// <summary>
/// A lease on a blob or a container (as Azure.Storage.Blobs' type of the same name): acquire for 15 to 60 seconds or
/// for ever, renew, release, break. While a blob is leased, writes to it need the lease id in
/// <see cref="BlobRequestConditions.LeaseId"/>; without it they fail with 412 LeaseIdMissing. Thread-safe.
/// </summary>
public class BlobLeaseClient
{
    /// <summary>The duration of a lease that lasts until it is released or broken.</summary>
    public static readonly TimeSpan InfiniteLeaseDuration = TimeSpan.FromSeconds(-1);

    private readonly BlobPipeline? pipeline;
    private readonly bool isContainer;
    private readonly string target;

    internal BlobLeaseClient(BlobPipeline pipeline, Uri uri, bool isContainer, string target, string? leaseId)
    {
        this.pipeline = pipeline;
        this.isContainer = isContainer;
        this.target = target;
        Uri = uri;
        LeaseId = string.IsNullOrEmpty(leaseId) ? Guid.NewGuid().ToString() : leaseId;
    }

    /// <summary>For mocking.</summary>
    protected BlobLeaseClient()
    {
        target = string.Empty;
        Uri = null!;
        LeaseId = null!;
    }

    /// <summary>The leased blob's or container's URL.</summary>
    public virtual Uri Uri { get; }

    /// <summary>The lease id this client acquires, renews and releases (a GUID).</summary>
    public virtual string LeaseId { get; }

    private BlobPipeline Pipeline => pipeline ?? throw new InvalidOperationException("This client was created for mocking.");

    /// <summary>Acquires the lease with <see cref="LeaseId"/> for the duration (15-60 s, or <see cref="InfiniteLeaseDuration"/>); 409 LeaseAlreadyPresent if another holds it.</summary>
    public virtual async Task<Response<BlobLease>> AcquireAsync(TimeSpan duration, RequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        var seconds = duration == InfiniteLeaseDuration ? -1 : (int)duration.TotalSeconds;
        if (seconds != -1 && seconds is < 15 or > 60)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A lease lasts 15 to 60 seconds, or BlobLeaseClient.InfiniteLeaseDuration.");
        }

        using var message = LeaseMessage("acquire", conditions);
        message.Request.Headers.SetValue("x-ms-lease-duration", seconds.ToString(CultureInfo.InvariantCulture));
        message.Request.Headers.SetValue("x-ms-proposed-lease-id", LeaseId);
        var response = await Pipeline.SendAsync(message, "Acquire Lease", target, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(Lease(response), response);
    }

    /// <summary>Renews the lease, restarting its duration.</summary>
    public virtual async Task<Response<BlobLease>> RenewAsync(RequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        using var message = LeaseMessage("renew", conditions);
        message.Request.Headers.SetValue("x-ms-lease-id", LeaseId);
        var response = await Pipeline.SendAsync(message, "Renew Lease", target, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(Lease(response), response);
    }

    /// <summary>Releases the lease so that another can be acquired at once.</summary>
    public virtual async Task<Response<ReleasedObjectInfo>> ReleaseAsync(RequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        using var message = LeaseMessage("release", conditions);
        message.Request.Headers.SetValue("x-ms-lease-id", LeaseId);
        var response = await Pipeline.SendAsync(message, "Release Lease", target, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(new ReleasedObjectInfo(BlobHeaders.ETag(response), BlobHeaders.LastModified(response)), response);
    }

    /// <summary>
    /// Breaks whatever lease is held (no lease id needed): at once when the break period is zero or null for a lease of
    /// fixed duration at its end; the result's LeaseTime says how many seconds remain.
    /// </summary>
    public virtual async Task<Response<BlobLease>> BreakAsync(TimeSpan? breakPeriod = null, RequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        using var message = LeaseMessage("break", conditions);
        if (breakPeriod is { } period)
        {
            message.Request.Headers.SetValue("x-ms-lease-break-period", ((int)period.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        }

        var response = await Pipeline.SendAsync(message, "Break Lease", target, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(Lease(response), response);
    }

    private HttpMessage LeaseMessage(string action, RequestConditions? conditions)
    {
        var message = Pipeline.CreateMessage(RequestMethod.Put, Uri);
        if (isContainer)
        {
            message.Request.Uri.AppendQuery("restype", "container");
        }

        message.Request.Uri.AppendQuery("comp", "lease");
        message.Request.Headers.SetValue("x-ms-lease-action", action);
        BlobHeaders.SetConditions(message.Request, conditions);
        return message;
    }

    private static BlobLease Lease(Response response) =>
        new(
            BlobHeaders.ETag(response),
            BlobHeaders.LastModified(response),
            BlobHeaders.Value(response, "x-ms-lease-id"),
            int.TryParse(BlobHeaders.Value(response, "x-ms-lease-time"), NumberStyles.None, CultureInfo.InvariantCulture, out var time) ? time : null);
}
