using Azure;
using Kiln.Azure.Models;

namespace Kiln.Azure.Releases;

/// <summary>
/// Where a release store keeps each thing in its container, under its path prefix: the releases' folders, each
/// environment's pointer and history. The names are the store's format: every piece of the store reads them here.
/// </summary>
internal sealed class ReleaseLayout
{
    /// <summary>Release blobs and history entries are written once: a write finds the blob there, and its content is compared, never replaced.</summary>
    public static BlobRequestConditions CreateOnly => new() { IfNoneMatch = ETag.All };

    /// <exception cref="ArgumentException">The prefix has empty, '.' or '..' segments or backslashes.</exception>
    public ReleaseLayout(BlobContainerClient container, string? pathPrefix)
    {
        Container = container;
        PathPrefix = NormalizePrefix(pathPrefix);
    }

    public BlobContainerClient Container { get; }

    /// <summary>Empty, or ending with '/'.</summary>
    public string PathPrefix { get; }

    public string ReleaseFolder(string version) => $"{PathPrefix}releases/{version}/";

    public string ReleaseBlobName(string version, string path) => ReleaseFolder(version) + path;

    public string PointerName(string environment) => $"{PathPrefix}environments/{environment}/current.json";

    public string HistoryFolder(string environment) => $"{PathPrefix}environments/{environment}/history/";

    public BlobClient ReleaseBlob(string version, string path) => Container.GetBlobClient(ReleaseBlobName(version, path));

    public BlobClient PointerBlob(string environment) => Container.GetBlobClient(PointerName(environment));

    public Uri ReleaseUri(string version) => Blob(ReleaseFolder(version));

    public Uri PointerUri(string environment) => Blob(PointerName(environment));

    public Uri Blob(string name) => new($"{Container.Uri.AbsoluteUri.TrimEnd('/')}/{name}");

    private static string NormalizePrefix(string? prefix)
    {
        if (string.IsNullOrEmpty(prefix) || prefix == "/")
        {
            return string.Empty;
        }

        var trimmed = prefix.Trim('/');
        if (trimmed.Contains('\\', StringComparison.Ordinal) || trimmed.Split('/').Any(segment => segment is "" or "." or ".."))
        {
            throw new ArgumentException($"'{prefix}' is not a path prefix: use folders separated by '/', such as 'kiln/' (no empty, '.' or '..' segments).", nameof(prefix));
        }

        return trimmed + "/";
    }
}
