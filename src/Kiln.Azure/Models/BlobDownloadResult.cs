namespace Kiln.Azure.Models;

/// <summary>A whole blob read into memory, with its properties.</summary>
public class BlobDownloadResult
{
    internal BlobDownloadResult(BinaryData content, BlobProperties details) => (Content, Details) = (content, details);

    /// <summary>The content (<c>Content.ToArray()</c> for bytes, <c>Content.ToString()</c> for UTF-8 text).</summary>
    public BinaryData Content { get; }

    /// <summary>The blob's properties and metadata at the time it was read.</summary>
    public BlobProperties Details { get; }
}
