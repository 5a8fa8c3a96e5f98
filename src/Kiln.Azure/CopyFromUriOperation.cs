using System.Globalization;
using Azure;
using Kiln.Azure.Models;

namespace Kiln.Azure;

/// <summary>
/// A server-side copy into a blob (as Azure.Storage.Blobs' type of the same name, without its synchronous members):
/// <see cref="WaitForCompletionAsync(CancellationToken)"/> polls Get Blob Properties until the copy is no longer
/// pending, and throws <see cref="RequestFailedException"/> if it failed or was aborted.
/// </summary>
public class CopyFromUriOperation
{
    /// <summary>How often <see cref="WaitForCompletionAsync(CancellationToken)"/> asks whether the copy is done.</summary>
    public static readonly TimeSpan DefaultPollingInterval = TimeSpan.FromSeconds(1);

    private readonly BlobClient? destination;
    private readonly string sourceName;
    private Response rawResponse;
    private long? copiedBytes;

    internal CopyFromUriOperation(BlobClient destination, string sourceName, string copyId, CopyStatus status, Response response)
    {
        this.destination = destination;
        this.sourceName = sourceName;
        Id = copyId;
        Status = status;
        rawResponse = response;
    }

    /// <summary>For mocking.</summary>
    protected CopyFromUriOperation()
    {
        sourceName = string.Empty;
        Id = string.Empty;
        rawResponse = null!;
    }

    /// <summary>The copy's id (x-ms-copy-id).</summary>
    public virtual string Id { get; }

    /// <summary>The copy's state as last seen.</summary>
    public virtual CopyStatus Status { get; private set; }

    /// <summary>Whether the copy is no longer pending.</summary>
    public virtual bool HasCompleted => Status != CopyStatus.Pending;

    /// <summary>Whether <see cref="Value"/> is known: the copy succeeded and its size was read.</summary>
    public virtual bool HasValue => Status == CopyStatus.Success && copiedBytes is not null;

    /// <summary>The number of bytes copied, once the copy succeeded and its properties were read.</summary>
    public virtual long Value => copiedBytes ?? throw new InvalidOperationException($"The copy into {destination?.Name} has no size yet: await WaitForCompletionAsync first.");

    /// <summary>The last response: Copy Blob's, or the last Get Blob Properties.</summary>
    public virtual Response GetRawResponse() => rawResponse;

    /// <summary>Reads the copy's state from the destination blob's properties once.</summary>
    public virtual async Task<Response> UpdateStatusAsync(CancellationToken cancellationToken = default)
    {
        var properties = await Destination.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        rawResponse = properties.GetRawResponse();
        var value = properties.Value;
        if (value.CopyId is { } copyId && copyId != Id)
        {
            throw new RequestFailedException(409, $"Copy Blob from '{sourceName}' failed for blob '{Destination.BlobContainerName}/{Destination.Name}': another copy ({copyId}) replaced it.", "CopyIdMismatch", null);
        }

        Status = value.CopyStatus ?? CopyStatus.Success;
        if (Status is CopyStatus.Failed or CopyStatus.Aborted)
        {
            throw new RequestFailedException(
                0,
                $"Copy Blob from '{sourceName}' failed for blob '{Destination.BlobContainerName}/{Destination.Name}': the copy {Status.ToString().ToLowerInvariant()} ({value.CopyStatusDescription}).",
                Status == CopyStatus.Failed ? "CopyFailed" : "CopyAborted",
                null);
        }

        if (Status == CopyStatus.Success)
        {
            copiedBytes = Copied(value.CopyProgress) ?? value.ContentLength;
        }

        return rawResponse;
    }

    /// <summary>Waits until the copy is done and returns the bytes copied; throws if it failed or was aborted.</summary>
    public virtual Task<Response<long>> WaitForCompletionAsync(CancellationToken cancellationToken = default) =>
        WaitForCompletionAsync(DefaultPollingInterval, cancellationToken);

    /// <summary>Waits until the copy is done, polling at the interval, and returns the bytes copied.</summary>
    public virtual async Task<Response<long>> WaitForCompletionAsync(TimeSpan pollingInterval, CancellationToken cancellationToken = default)
    {
        await UpdateStatusAsync(cancellationToken).ConfigureAwait(false);
        while (!HasCompleted)
        {
            await Task.Delay(pollingInterval, cancellationToken).ConfigureAwait(false);
            await UpdateStatusAsync(cancellationToken).ConfigureAwait(false);
        }

        return Response.FromValue(Value, rawResponse);
    }

    private BlobClient Destination => destination ?? throw new InvalidOperationException("This operation was created for mocking.");

    private static long? Copied(string? progress) =>
        progress?.Split('/') is [var copied, _] && long.TryParse(copied, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) ? bytes : null;
}
