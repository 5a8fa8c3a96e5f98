using Azure;

namespace Kiln.Azure.Models;

/// <summary>The blob (or container) whose lease was released.</summary>
public class ReleasedObjectInfo
{
    internal ReleasedObjectInfo(ETag eTag, DateTimeOffset lastModified) => (ETag, LastModified) = (eTag, lastModified);

    /// <summary>Its ETag.</summary>
    public ETag ETag { get; }

    /// <summary>When it last changed.</summary>
    public DateTimeOffset LastModified { get; }
}
