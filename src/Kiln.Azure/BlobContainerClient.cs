using System.Globalization;
using System.Xml.Linq;
using Azure;
using Azure.Core;
using Kiln.Azure.Models;
using Kiln.Azure.Pipeline;

namespace Kiln.Azure;

/// <summary>
/// One container (as Azure.Storage.Blobs' type of the same name): create, delete, list its blobs, and hand out
/// <see cref="BlobClient"/>s. Thread-safe. Every call throws <see cref="RequestFailedException"/> on an error response.
/// </summary>
public class BlobContainerClient
{
    private readonly BlobPipeline? pipeline;

    /// <summary>From a connection string (see <see cref="BlobServiceClient(string, BlobClientOptions?)"/>) and the container's name.</summary>
    public BlobContainerClient(string connectionString, string blobContainerName, BlobClientOptions? options = null)
        : this(new BlobServiceClient(connectionString, options).GetBlobContainerClient(blobContainerName))
    {
    }

    internal BlobContainerClient(BlobPipeline pipeline, Uri uri, string name)
    {
        this.pipeline = pipeline;
        Uri = uri;
        Name = name;
    }

    /// <summary>For mocking.</summary>
    protected BlobContainerClient()
    {
        Uri = null!;
        Name = null!;
    }

    private BlobContainerClient(BlobContainerClient other)
        : this(other.Pipeline, other.Uri, other.Name)
    {
    }

    /// <summary>The container's URL (without any SAS).</summary>
    public virtual Uri Uri { get; }

    /// <summary>The container's name.</summary>
    public virtual string Name { get; }

    /// <summary>The storage account's name.</summary>
    public virtual string? AccountName => Pipeline.AccountName;

    internal BlobPipeline Pipeline => pipeline ?? throw new InvalidOperationException("This client was created for mocking.");

    private string Target => $"container '{Name}'";

    /// <summary>A client for a blob in this container (names may contain '/'). No request is made.</summary>
    public virtual BlobClient GetBlobClient(string blobName)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        var segments = blobName.Split('/');
        if (segments.Any(segment => segment is "." or ".."))
        {
            // URLs collapse these segments: the request would name another blob, possibly outside the intended folder.
            throw new ArgumentException($"'{blobName}' has a '.' or '..' segment, which a URL collapses into another blob's name: name the blob without them.", nameof(blobName));
        }

        var path = string.Join('/', segments.Select(Uri.EscapeDataString));
        return new BlobClient(Pipeline, new Uri(Uri.AbsoluteUri + "/" + path), Name, blobName);
    }

    /// <summary>A lease client for this container (Lease Container); a new lease id unless one is given.</summary>
    public virtual BlobLeaseClient GetBlobLeaseClient(string? leaseId = null) => new(Pipeline, Uri, isContainer: true, Target, leaseId);

    /// <summary>Creates the container (Create Container); throws 409 ContainerAlreadyExists if it exists.</summary>
    public virtual async Task<Response<BlobContainerInfo>> CreateAsync(CancellationToken cancellationToken = default)
    {
        using var message = Pipeline.CreateMessage(RequestMethod.Put, Uri);
        message.Request.Uri.AppendQuery("restype", "container");
        var response = await Pipeline.SendAsync(message, "Create Container", Target, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(new BlobContainerInfo(BlobHeaders.ETag(response), BlobHeaders.LastModified(response)), response);
    }

    /// <summary>Creates the container unless it exists: the new container's info, or null when it existed already.</summary>
    public virtual async Task<Response<BlobContainerInfo>?> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await CreateAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exception) when (exception.ErrorCode == "ContainerAlreadyExists")
        {
            return null;
        }
    }

    /// <summary>Whether the container exists (Get Container Properties).</summary>
    public virtual async Task<Response<bool>> ExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = Pipeline.CreateMessage(RequestMethod.Head, Uri);
        message.Request.Uri.AppendQuery("restype", "container");
        return await Pipeline.SendUnlessAbsentAsync(message, "Get Container Properties", Target, exception => exception.Status == 404, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the container and its blobs (Delete Container); throws 404 ContainerNotFound if it does not exist.</summary>
    public virtual async Task<Response> DeleteAsync(BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        using var message = DeleteMessage(conditions);
        return await Pipeline.SendAsync(message, "Delete Container", Target, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the container if it exists: true when it was deleted, false when there was none.</summary>
    public virtual async Task<Response<bool>> DeleteIfExistsAsync(BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        using var message = DeleteMessage(conditions);
        return await Pipeline.SendUnlessAbsentAsync(message, "Delete Container", Target, exception => exception.ErrorCode == "ContainerNotFound", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The container's blobs whose names start with the prefix, in name order (List Blobs), fetched page by page as the
    /// enumeration goes: <c>await foreach (var blob in container.GetBlobsAsync(prefix: "v1/"))</c>. For pages,
    /// <c>.AsPages(continuationToken, pageSizeHint)</c>; a page's ContinuationToken resumes a listing later.
    /// </summary>
    public virtual AsyncPageable<BlobItem> GetBlobsAsync(BlobTraits traits = BlobTraits.None, string? prefix = null, CancellationToken cancellationToken = default) =>
        new BlobItemPageable(this, traits, prefix, cancellationToken);

    internal async Task<Page<BlobItem>> ListPageAsync(BlobTraits traits, string? prefix, string? marker, int? pageSize, CancellationToken cancellationToken)
    {
        using var message = Pipeline.CreateMessage(RequestMethod.Get, Uri);
        message.Request.Uri.AppendQuery("restype", "container");
        message.Request.Uri.AppendQuery("comp", "list");
        if (!string.IsNullOrEmpty(prefix))
        {
            message.Request.Uri.AppendQuery("prefix", prefix);
        }

        if (!string.IsNullOrEmpty(marker))
        {
            message.Request.Uri.AppendQuery("marker", marker);
        }

        if (pageSize is { } size)
        {
            message.Request.Uri.AppendQuery("maxresults", size.ToString(CultureInfo.InvariantCulture));
        }

        if (traits.HasFlag(BlobTraits.Metadata))
        {
            message.Request.Uri.AppendQuery("include", "metadata");
        }

        var response = await Pipeline.SendAsync(message, "List Blobs", Target, cancellationToken).ConfigureAwait(false);
        var results = XDocument.Parse(response.Content.ToString()).Root!;
        var items = results.Element("Blobs")?.Elements("Blob").Select(ReadItem).ToList() ?? [];
        var next = results.Element("NextMarker")?.Value;
        return Page<BlobItem>.FromValues(items, string.IsNullOrEmpty(next) ? null : next, response);
    }

    private HttpMessage DeleteMessage(BlobRequestConditions? conditions)
    {
        var message = Pipeline.CreateMessage(RequestMethod.Delete, Uri);
        message.Request.Uri.AppendQuery("restype", "container");
        BlobHeaders.SetConditions(message.Request, conditions);
        return message;
    }

    private static BlobItem ReadItem(XElement blob)
    {
        var properties = blob.Element("Properties");
        string? Property(string name) => properties?.Element(name)?.Value;
        var metadata = (blob.Element("Metadata")?.Elements() ?? [])
            .ToDictionary(element => element.Name.LocalName, element => element.Value, StringComparer.OrdinalIgnoreCase);
        return new BlobItem(
            blob.Element("Name")?.Value ?? string.Empty,
            new BlobItemProperties(
                Property("Etag") is { } eTag ? new ETag(eTag.Trim('"')) : null,
                BlobHeaders.Date(Property("Last-Modified")),
                long.TryParse(Property("Content-Length"), NumberStyles.None, CultureInfo.InvariantCulture, out var length) ? length : null,
                Property("Content-Type")),
            metadata);
    }

    /// <summary>List Blobs page by page, following NextMarker.</summary>
    private sealed class BlobItemPageable(BlobContainerClient container, BlobTraits traits, string? prefix, CancellationToken cancellationToken)
        : AsyncPageable<BlobItem>(cancellationToken)
    {
        public override async IAsyncEnumerable<Page<BlobItem>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
        {
            var marker = continuationToken;
            do
            {
                var page = await container.ListPageAsync(traits, prefix, marker, pageSizeHint, CancellationToken).ConfigureAwait(false);
                yield return page;
                marker = page.ContinuationToken;
            }
            while (marker is not null);
        }
    }
}
