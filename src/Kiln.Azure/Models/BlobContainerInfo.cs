using Azure;

namespace Kiln.Azure.Models;

/// <summary>A container as created: its ETag and last-modified time.</summary>
public class BlobContainerInfo
{
    internal BlobContainerInfo(ETag eTag, DateTimeOffset lastModified) => (ETag, LastModified) = (eTag, lastModified);

    /// <summary>The container's ETag.</summary>
    public ETag ETag { get; }

    /// <summary>When the container last changed.</summary>
    public DateTimeOffset LastModified { get; }
}
