using System.Buffers;
using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Core;
using Kiln.Azure.Models;
using Kiln.Azure.Pipeline;

namespace Kiln.Azure;

/// <summary>
/// One block blob (as Azure.Storage.Blobs' type of the same name): upload, download, properties, delete, server-side
/// copy and leases, each with optional <see cref="BlobRequestConditions"/>. Thread-safe. Every call throws
/// <see cref="RequestFailedException"/> on an error response, with the status, the service's error code and a
/// message naming the operation and the blob.
/// </summary>
public class BlobClient
{
    /// <summary>The metadata entry where an upload records the content's SHA-256 (lower-case hex).</summary>
    public const string Sha256MetadataName = "sha256";

    private readonly BlobPipeline? pipeline;

    /// <summary>From a connection string (see <see cref="BlobServiceClient(string, BlobClientOptions?)"/>), the container's and the blob's names.</summary>
    public BlobClient(string connectionString, string blobContainerName, string blobName, BlobClientOptions? options = null)
        : this(new BlobContainerClient(connectionString, blobContainerName, options).GetBlobClient(blobName))
    {
    }

    internal BlobClient(BlobPipeline pipeline, Uri uri, string blobContainerName, string name)
    {
        this.pipeline = pipeline;
        Uri = uri;
        BlobContainerName = blobContainerName;
        Name = name;
    }

    /// <summary>For mocking.</summary>
    protected BlobClient()
    {
        Uri = null!;
        BlobContainerName = null!;
        Name = null!;
    }

    private BlobClient(BlobClient other)
        : this(other.Pipeline, other.Uri, other.BlobContainerName, other.Name)
    {
    }

    /// <summary>The blob's URL (without any SAS).</summary>
    public virtual Uri Uri { get; }

    /// <summary>The container's name.</summary>
    public virtual string BlobContainerName { get; }

    /// <summary>The blob's name within its container.</summary>
    public virtual string Name { get; }

    /// <summary>The storage account's name.</summary>
    public virtual string? AccountName => Pipeline.AccountName;

    private BlobPipeline Pipeline => pipeline ?? throw new InvalidOperationException("This client was created for mocking.");

    private string Target => $"blob '{BlobContainerName}/{Name}'";

    /// <summary>A lease client for this blob (Lease Blob); a new lease id unless one is given.</summary>
    public virtual BlobLeaseClient GetBlobLeaseClient(string? leaseId = null) => new(Pipeline, Uri, isContainer: false, Target, leaseId);

    /// <summary>Uploads the bytes; see <see cref="UploadAsync(Stream, BlobUploadOptions?, CancellationToken)"/>.</summary>
    public virtual async Task<Response<BlobContentInfo>> UploadAsync(BinaryData content, BlobUploadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var stream = content.ToStream();
        return await UploadAsync(stream, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Uploads the stream from its current position to its end as the blob's content, replacing the blob unless the
    /// conditions say otherwise. Up to <see cref="BlobClientOptions.SingleUploadThreshold"/> bytes of a stream that can
    /// seek go as one Put Blob, streamed after one pass that hashes them, with their MD5 as Content-MD5 so that the
    /// storage refuses bytes that changed between the passes; a stream that cannot seek goes as one Put Blob when it fits
    /// in one block. More go as blocks of <see cref="BlobClientOptions.BlockSize"/>,
    /// <see cref="BlobClientOptions.MaximumConcurrency"/> at a time (Put Block), committed together (Put Block List), so
    /// the blob changes only once all are stored. The content's SHA-256 is recorded in the metadata as
    /// <see cref="Sha256MetadataName"/>.
    /// </summary>
    public virtual async Task<Response<BlobContentInfo>> UploadAsync(Stream content, BlobUploadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        options ??= new BlobUploadOptions();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        // Read up to the threshold and one byte more: whatever fits goes as a single Put Blob. A stream known to be
        // longer goes straight to blocks.
        var remaining = KnownRemaining(content);
        if (remaining > Pipeline.SingleUploadThreshold)
        {
            return await PutBlocksAsync(content, ReadOnlyMemory<byte>.Empty, hash, options, cancellationToken).ConfigureAwait(false);
        }

        if (remaining is not null)
        {
            return await PutBlobStreamedAsync(content, options, cancellationToken).ConfigureAwait(false);
        }

        // A stream that cannot seek is read once: up to one block is held, and sent as one Put Blob if that was all.
        var threshold = (int)Math.Min(Math.Min(Pipeline.SingleUploadThreshold, Pipeline.BlockSize), Array.MaxLength - 1);
        var first = new byte[Math.Min(threshold + 1, remaining ?? (threshold + 1))];
        var firstLength = await FillAsync(content, ReadOnlyMemory<byte>.Empty, first, cancellationToken).ConfigureAwait(false);
        if (firstLength <= threshold)
        {
            hash.AppendData(first, 0, firstLength);
            var sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            return await PutBlobAsync(new ReadOnlyMemory<byte>(first, 0, firstLength), sha256, options, cancellationToken).ConfigureAwait(false);
        }

        return await PutBlocksAsync(content, new ReadOnlyMemory<byte>(first, 0, firstLength), hash, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the blob's content to the destination as it arrives (Get Blob).</summary>
    public virtual Task<Response> DownloadToAsync(Stream destination, CancellationToken cancellationToken = default) =>
        DownloadToAsync(destination, conditions: null, cancellationToken);

    /// <summary>Writes the blob's content to the destination as it arrives (Get Blob), if the conditions hold.</summary>
    public virtual async Task<Response> DownloadToAsync(Stream destination, BlobRequestConditions? conditions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        using var message = Pipeline.CreateMessage(RequestMethod.Get, Uri);
        message.BufferResponse = false;
        BlobHeaders.SetConditions(message.Request, conditions);
        var response = await Pipeline.SendAsync(message, "Get Blob", Target, cancellationToken).ConfigureAwait(false);
        if (response.ContentStream is { } body)
        {
            await using (body.ConfigureAwait(false))
            {
                try
                {
                    await body.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
                }
                catch (IOException exception)
                {
                    // The connection closed in the middle of the body: one line, as the storage's own errors are.
                    var length = response.Headers.ContentLength is { } expected ? string.Create(CultureInfo.InvariantCulture, $" of {expected} bytes") : string.Empty;
                    throw new RequestFailedException(0, $"Get Blob of {Target} was cut off: the connection closed before the whole body{length} arrived ({exception.Message.TrimEnd('.')}).", exception);
                }
            }
        }

        return response;
    }

    /// <summary>Reads the whole blob into memory with its properties (Get Blob); <c>.Value.Content.ToArray()</c> for the bytes.</summary>
    public virtual async Task<Response<BlobDownloadResult>> DownloadContentAsync(BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        using var message = Pipeline.CreateMessage(RequestMethod.Get, Uri);
        BlobHeaders.SetConditions(message.Request, conditions);
        var response = await Pipeline.SendAsync(message, "Get Blob", Target, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(new BlobDownloadResult(response.Content, BlobHeaders.Properties(response)), response);
    }

    /// <summary>The blob's properties and metadata (Get Blob Properties); throws 404 BlobNotFound if there is no blob.</summary>
    public virtual async Task<Response<BlobProperties>> GetPropertiesAsync(BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        using var message = Pipeline.CreateMessage(RequestMethod.Head, Uri);
        BlobHeaders.SetConditions(message.Request, conditions);
        var response = await Pipeline.SendAsync(message, "Get Blob Properties", Target, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(BlobHeaders.Properties(response), response);
    }

    /// <summary>Whether the blob exists (Get Blob Properties).</summary>
    public virtual async Task<Response<bool>> ExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = Pipeline.CreateMessage(RequestMethod.Head, Uri);
        return await Pipeline.SendUnlessAbsentAsync(message, "Get Blob Properties", Target, exception => exception.Status == 404, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the blob with its snapshots (Delete Blob); throws 404 BlobNotFound if there is none.</summary>
    public virtual async Task<Response> DeleteAsync(BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        using var message = DeleteMessage(conditions);
        return await Pipeline.SendAsync(message, "Delete Blob", Target, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the blob if it exists: true when it was deleted, false when there was none.</summary>
    public virtual async Task<Response<bool>> DeleteIfExistsAsync(BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        using var message = DeleteMessage(conditions);
        return await Pipeline.SendUnlessAbsentAsync(message, "Delete Blob", Target, exception => exception.ErrorCode is "BlobNotFound" or "ContainerNotFound", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts a server-side copy of a blob of the same account into this blob (Copy Blob). The service may finish at
    /// once or later: <c>await operation.WaitForCompletionAsync(cancellationToken)</c> waits until the copy is done.
    /// </summary>
    /// <param name="source">The source blob's URL, for example another <see cref="BlobClient.Uri"/> of the same account.</param>
    /// <param name="options">Metadata for the copy (else the source's) and conditions on this blob.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public virtual async Task<CopyFromUriOperation> StartCopyFromUriAsync(Uri source, BlobCopyFromUriOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var sourceName = source.AbsolutePath;
        using var message = Pipeline.CreateMessage(RequestMethod.Put, Uri);
        message.Request.Headers.SetValue("x-ms-copy-source", SourceWithSas(source).AbsoluteUri);
        BlobHeaders.SetMetadata(message.Request, options?.Metadata);
        BlobHeaders.SetConditions(message.Request, options?.DestinationConditions);
        var response = await Pipeline.SendAsync(message, $"Copy Blob from '{sourceName}'", Target, cancellationToken).ConfigureAwait(false);
        return new CopyFromUriOperation(
            this,
            sourceName,
            BlobHeaders.Value(response, "x-ms-copy-id") ?? string.Empty,
            BlobHeaders.CopyStatus(BlobHeaders.Value(response, "x-ms-copy-status")) ?? CopyStatus.Pending,
            response);
    }

    private async Task<Response<BlobContentInfo>> PutBlobAsync(ReadOnlyMemory<byte> content, string sha256, BlobUploadOptions options, CancellationToken cancellationToken)
    {
        using var message = Pipeline.CreateMessage(RequestMethod.Put, Uri);
        message.Request.Headers.SetValue("x-ms-blob-type", "BlockBlob");
        SetBlobHeaders(message.Request, sha256, options);
        BlobHeaders.SetConditions(message.Request, options.Conditions);
        message.Request.Content = RequestContent.Create(content);
        var response = await Pipeline.SendAsync(message, "Put Blob", Target, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(new BlobContentInfo(BlobHeaders.ETag(response), BlobHeaders.LastModified(response), sha256), response);
    }

    /// <summary>
    /// One Put Blob streamed from a stream that can seek: a first pass hashes the bytes (SHA-256 for the metadata, MD5
    /// for Content-MD5), the second sends them. The storage checks the MD5 of what arrives, so bytes that changed between
    /// the passes are refused (400 Md5Mismatch), never stored under the first pass's SHA-256.
    /// </summary>
    private async Task<Response<BlobContentInfo>> PutBlobStreamedAsync(Stream content, BlobUploadOptions options, CancellationToken cancellationToken)
    {
        var start = content.Position;
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
#pragma warning disable CA5351 // MD5 is the storage's own transfer check (Content-MD5), not a security measure.
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
#pragma warning restore CA5351
        var buffer = ArrayPool<byte>.Shared.Rent(1024 * 1024);
        try
        {
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                sha256.AppendData(buffer, 0, read);
                md5.AppendData(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        content.Position = start;
        var hex = Convert.ToHexStringLower(sha256.GetHashAndReset());
        using var message = Pipeline.CreateMessage(RequestMethod.Put, Uri);
        message.Request.Headers.SetValue("x-ms-blob-type", "BlockBlob");
        message.Request.Headers.SetValue("Content-MD5", Convert.ToBase64String(md5.GetHashAndReset()));
        SetBlobHeaders(message.Request, hex, options);
        BlobHeaders.SetConditions(message.Request, options.Conditions);
        message.Request.Content = RequestContent.Create(new BorrowedStream(content));
        var response = await Pipeline.SendAsync(message, "Put Blob", Target, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(new BlobContentInfo(BlobHeaders.ETag(response), BlobHeaders.LastModified(response), hex), response);
    }

    private async Task<Response<BlobContentInfo>> PutBlocksAsync(Stream content, ReadOnlyMemory<byte> alreadyRead, IncrementalHash hash, BlobUploadOptions options, CancellationToken cancellationToken)
    {
        // Unique per upload, so that two uploads of one blob never mix their uncommitted blocks; all ids of a blob have one length.
        var uploadId = Guid.NewGuid().ToString("N");
        var blockIds = new List<string>();
        var leaseId = options.Conditions?.LeaseId;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var slots = new SemaphoreSlim(Pipeline.MaximumConcurrency);
        var uploads = new List<Task>();
        var pending = alreadyRead;
        try
        {
            while (true)
            {
                await slots.WaitAsync(stop.Token).ConfigureAwait(false);
                var buffer = ArrayPool<byte>.Shared.Rent(Pipeline.BlockSize);
                int length;
                try
                {
                    var fromPending = Math.Min(pending.Length, Pipeline.BlockSize);
                    length = await FillAsync(content, pending[..fromPending], buffer.AsMemory(0, Pipeline.BlockSize), stop.Token).ConfigureAwait(false);
                    pending = pending[fromPending..];
                }
                catch
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    slots.Release();
                    throw;
                }

                if (length == 0)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    slots.Release();
                    break;
                }

                hash.AppendData(buffer, 0, length);
                var blockId = Convert.ToBase64String(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{uploadId}-{blockIds.Count:D6}")));
                blockIds.Add(blockId);
                // On the thread pool, so that reading the next block never waits for a send that happens to run synchronously.
                uploads.Add(Task.Run(() => PutBlockAndReleaseAsync(blockId, buffer, length, leaseId, slots, stop), CancellationToken.None));
            }

            await Task.WhenAll(uploads).ConfigureAwait(false);
        }
        catch
        {
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await Task.WhenAll(uploads).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is RequestFailedException or OperationCanceledException)
            {
                // The first failure is the one rethrown below; the rest only followed from the cancellation.
            }

            var failed = uploads.FirstOrDefault(upload => upload.IsFaulted && upload.Exception!.InnerException is RequestFailedException);
            if (failed is not null && !cancellationToken.IsCancellationRequested)
            {
                ExceptionDispatchInfo.Throw(failed.Exception!.InnerException!);
            }

            throw;
        }

        var sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
        return await PutBlockListAsync(blockIds, sha256, options, cancellationToken).ConfigureAwait(false);
    }

    private async Task PutBlockAndReleaseAsync(string blockId, byte[] buffer, int length, string? leaseId, SemaphoreSlim slots, CancellationTokenSource stop)
    {
        try
        {
            using var message = Pipeline.CreateMessage(RequestMethod.Put, Uri);
            message.Request.Uri.AppendQuery("comp", "block");
            message.Request.Uri.AppendQuery("blockid", blockId);
            if (!string.IsNullOrEmpty(leaseId))
            {
                message.Request.Headers.SetValue("x-ms-lease-id", leaseId);
            }

            message.Request.Content = RequestContent.Create(new ReadOnlyMemory<byte>(buffer, 0, length));
            await Pipeline.SendAsync(message, "Put Block", Target, stop.Token).ConfigureAwait(false);
        }
        catch
        {
            await stop.CancelAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            slots.Release();
        }
    }

    private async Task<Response<BlobContentInfo>> PutBlockListAsync(List<string> blockIds, string sha256, BlobUploadOptions options, CancellationToken cancellationToken)
    {
        var body = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><BlockList>");
        foreach (var blockId in blockIds)
        {
            body.Append("<Latest>").Append(blockId).Append("</Latest>");
        }

        using var message = Pipeline.CreateMessage(RequestMethod.Put, Uri);
        message.Request.Uri.AppendQuery("comp", "blocklist");
        SetBlobHeaders(message.Request, sha256, options);
        BlobHeaders.SetConditions(message.Request, options.Conditions);
        message.Request.Headers.SetValue(HttpHeader.Names.ContentType, "application/xml");
        message.Request.Content = RequestContent.Create(Encoding.UTF8.GetBytes(body.Append("</BlockList>").ToString()));
        var response = await Pipeline.SendAsync(message, "Put Block List", Target, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(new BlobContentInfo(BlobHeaders.ETag(response), BlobHeaders.LastModified(response), sha256), response);
    }

    private static void SetBlobHeaders(Request request, string sha256, BlobUploadOptions options)
    {
        var metadata = new Dictionary<string, string>(options.Metadata ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase)
        {
            [Sha256MetadataName] = sha256,
        };
        BlobHeaders.SetMetadata(request, metadata);
        BlobHeaders.SetHttpHeaders(request, options.HttpHeaders);
    }

    private HttpMessage DeleteMessage(BlobRequestConditions? conditions)
    {
        var message = Pipeline.CreateMessage(RequestMethod.Delete, Uri);
        message.Request.Headers.SetValue("x-ms-delete-snapshots", "include");
        BlobHeaders.SetConditions(message.Request, conditions);
        return message;
    }

    /// <summary>A source in this account is authorized like this request: with a SAS client, the source carries the SAS.</summary>
    private Uri SourceWithSas(Uri source) =>
        Pipeline.Sas is { } sas && source.Query.Length <= 1 ? new Uri(source.GetLeftPart(UriPartial.Path) + "?" + sas.Signature.TrimStart('?')) : source;

    private static long? KnownRemaining(Stream stream)
    {
        try
        {
            return stream.CanSeek ? Math.Max(0, stream.Length - stream.Position) : null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Fills the buffer from the prefix and then the stream; fewer bytes only at the stream's end.</summary>
    private static async Task<int> FillAsync(Stream stream, ReadOnlyMemory<byte> prefix, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        prefix.CopyTo(buffer);
        var filled = prefix.Length;
        while (filled < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer[filled..], cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return filled;
    }
}
