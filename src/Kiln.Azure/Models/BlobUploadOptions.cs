namespace Kiln.Azure.Models;

/// <summary>What an upload stores besides the content, and the conditions it must meet.</summary>
public class BlobUploadOptions
{
    /// <summary>
    /// Metadata to store with the blob (names are C# identifiers, values ASCII). The upload adds
    /// <see cref="BlobClient.Sha256MetadataName"/> with the content's SHA-256 and replaces a value the caller gave for it.
    /// </summary>
    public IDictionary<string, string>? Metadata { get; set; }

    /// <summary>Content type and other standard properties.</summary>
    public BlobHttpHeaders? HttpHeaders { get; set; }

    /// <summary>
    /// Conditions on the blob being replaced: <c>IfNoneMatch = ETag.All</c> to create only, <c>IfMatch</c> to replace only the
    /// version read, <c>LeaseId</c> for a leased blob. None means the upload overwrites.
    /// </summary>
    public BlobRequestConditions? Conditions { get; set; }
}
