using Azure;

namespace Kiln.Azure.Models;

/// <summary>A lease as the service reported it after acquire, renew or break.</summary>
public class BlobLease
{
    internal BlobLease(ETag eTag, DateTimeOffset lastModified, string? leaseId, int? leaseTime) =>
        (ETag, LastModified, LeaseId, LeaseTime) = (eTag, lastModified, leaseId, leaseTime);

    /// <summary>The leased blob's (or container's) ETag.</summary>
    public ETag ETag { get; }

    /// <summary>When the blob (or container) last changed.</summary>
    public DateTimeOffset LastModified { get; }

    /// <summary>The lease's id (none after a break).</summary>
    public string? LeaseId { get; }

    /// <summary>After a break: the seconds until the lease is broken (0 when already broken).</summary>
    public int? LeaseTime { get; }
}
