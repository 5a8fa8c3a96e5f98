using Azure;

namespace Kiln.Azure.Models;

/// <summary>A blob in a listing.</summary>
public class BlobItem
{
    internal BlobItem(string name, BlobItemProperties properties, IDictionary<string, string> metadata)
    {
        Name = name;
        Properties = properties;
        Metadata = metadata;
    }

    /// <summary>The blob's name within its container.</summary>
    public string Name { get; }

    /// <summary>Its properties as listed.</summary>
    public BlobItemProperties Properties { get; }

    /// <summary>Its metadata, when the listing asked for <see cref="BlobTraits.Metadata"/>; otherwise empty.</summary>
    public IDictionary<string, string> Metadata { get; }
}

/// <summary>A listed blob's properties.</summary>
public class BlobItemProperties
{
    internal BlobItemProperties(ETag? eTag, DateTimeOffset? lastModified, long? contentLength, string? contentType)
    {
        ETag = eTag;
        LastModified = lastModified;
        ContentLength = contentLength;
        ContentType = contentType;
    }

    /// <summary>The blob's ETag.</summary>
    public ETag? ETag { get; }

    /// <summary>When the blob last changed.</summary>
    public DateTimeOffset? LastModified { get; }

    /// <summary>Its size in bytes.</summary>
    public long? ContentLength { get; }

    /// <summary>Its content type.</summary>
    public string? ContentType { get; }
}
