namespace Kiln.Azure.Models;

/// <summary>Standard HTTP properties stored with a blob and returned when it is read.</summary>
public class BlobHttpHeaders
{
    /// <summary>The MIME type (Content-Type); application/octet-stream when not set.</summary>
    public string? ContentType { get; set; }

    /// <summary>The content encoding (Content-Encoding), for example gzip.</summary>
    public string? ContentEncoding { get; set; }

    /// <summary>The cache control (Cache-Control).</summary>
    public string? CacheControl { get; set; }
}
