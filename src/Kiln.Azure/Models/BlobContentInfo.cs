using Azure;

namespace Kiln.Azure.Models;

/// <summary>A blob as written by an upload.</summary>
public class BlobContentInfo
{
    internal BlobContentInfo(ETag eTag, DateTimeOffset lastModified, string sha256) =>
        (ETag, LastModified, Sha256) = (eTag, lastModified, sha256);

    /// <summary>The new blob's ETag: pass it as <c>IfMatch</c> to change exactly this version later.</summary>
    public ETag ETag { get; }

    /// <summary>When the blob was written.</summary>
    public DateTimeOffset LastModified { get; }

    /// <summary>The content's SHA-256, lower-case hex, as recorded in the blob's metadata.</summary>
    public string Sha256 { get; }
}
