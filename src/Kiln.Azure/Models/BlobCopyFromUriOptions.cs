namespace Kiln.Azure.Models;

/// <summary>Options for a server-side copy.</summary>
public class BlobCopyFromUriOptions
{
    /// <summary>Metadata for the copy; when null, the copy keeps the source's metadata (its sha256 included).</summary>
    public IDictionary<string, string>? Metadata { get; set; }

    /// <summary>Conditions on the destination blob (for example <c>IfNoneMatch = ETag.All</c>, or its lease).</summary>
    public BlobRequestConditions? DestinationConditions { get; set; }
}
