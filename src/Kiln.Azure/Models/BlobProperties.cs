using Azure;

namespace Kiln.Azure.Models;

/// <summary>A blob's properties and metadata (Get Blob Properties, or the headers of a download).</summary>
public class BlobProperties
{
    /// <summary>When the blob last changed.</summary>
    public DateTimeOffset LastModified { get; internal set; }

    /// <summary>When the blob was created.</summary>
    public DateTimeOffset CreatedOn { get; internal set; }

    /// <summary>The blob's size in bytes.</summary>
    public long ContentLength { get; internal set; }

    /// <summary>The blob's content type.</summary>
    public string? ContentType { get; internal set; }

    /// <summary>The blob's content encoding.</summary>
    public string? ContentEncoding { get; internal set; }

    /// <summary>The blob's cache control.</summary>
    public string? CacheControl { get; internal set; }

    /// <summary>The MD5 of the content when the service knows it.</summary>
    public byte[]? ContentHash { get; internal set; }

    /// <summary>The blob's ETag: pass it as <c>IfMatch</c> to act only on this version.</summary>
    public ETag ETag { get; internal set; }

    /// <summary>The blob's metadata (case-insensitive names), <see cref="BlobClient.Sha256MetadataName"/> included when uploaded here.</summary>
    public IDictionary<string, string> Metadata { get; internal set; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The lease state.</summary>
    public LeaseState LeaseState { get; internal set; }

    /// <summary>Whether the blob's lease is infinite (true) or fixed (false); null when not leased.</summary>
    public bool? LeaseIsInfinite { get; internal set; }

    /// <summary>The id of the last copy into this blob.</summary>
    public string? CopyId { get; internal set; }

    /// <summary>The state of the last copy into this blob, if any.</summary>
    public CopyStatus? CopyStatus { get; internal set; }

    /// <summary>The last copy's progress, "copied/total" bytes.</summary>
    public string? CopyProgress { get; internal set; }

    /// <summary>Why the last copy failed or is pending.</summary>
    public string? CopyStatusDescription { get; internal set; }

    /// <summary>The blob's SHA-256 as the upload recorded it in metadata, or null when it was not uploaded here.</summary>
    public string? Sha256 => Metadata.TryGetValue(BlobClient.Sha256MetadataName, out var value) ? value : null;
}
