using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Kiln.Azure.Authentication;

namespace Kiln.Azure.Pipeline;

/// <summary>
/// The Azure.Core pipeline every client of one service shares (retries, timeouts and logging from
/// <see cref="ClientOptions"/>; the credential as a per-retry policy), with the options read once so that a client
/// is unaffected by later changes to the options object. Thread-safe.
/// </summary>
internal sealed class BlobPipeline
{
    /// <summary>The scope a Microsoft Entra ID token for Blob Storage is requested for.</summary>
    public const string StorageScope = "https://storage.azure.com/.default";

    private BlobPipeline(HttpPipeline pipeline, BlobClientOptions options, string? accountName, StorageSharedKeyCredential? sharedKey, AzureSasCredential? sas)
    {
        Pipeline = pipeline;
        Version = options.Version;
        SingleUploadThreshold = options.SingleUploadThreshold;
        BlockSize = options.BlockSize;
        MaximumConcurrency = options.MaximumConcurrency;
        AccountName = accountName;
        SharedKey = sharedKey;
        Sas = sas;
        if (BlockSize <= 0 || MaximumConcurrency <= 0 || SingleUploadThreshold < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "BlobClientOptions.BlockSize and MaximumConcurrency must be positive and SingleUploadThreshold not negative.");
        }
    }

    public HttpPipeline Pipeline { get; }

    public string Version { get; }

    public long SingleUploadThreshold { get; }

    public int BlockSize { get; }

    public int MaximumConcurrency { get; }

    public string? AccountName { get; }

    public StorageSharedKeyCredential? SharedKey { get; }

    public AzureSasCredential? Sas { get; }

    public static BlobPipeline ForSharedKey(StorageSharedKeyCredential credential, BlobClientOptions? options)
    {
        options ??= new BlobClientOptions();
        return new(Build(options, new SharedKeyAuthenticationPolicy(credential, options.TimeProvider), perCall: null), options, credential.AccountName, credential, null);
    }

    public static BlobPipeline ForSas(AzureSasCredential credential, string? accountName, BlobClientOptions? options)
    {
        options ??= new BlobClientOptions();
        return new(Build(options, perRetry: null, new SasQueryPolicy(credential)), options, accountName, null, credential);
    }

    public static BlobPipeline ForToken(TokenCredential credential, string? accountName, BlobClientOptions? options)
    {
        options ??= new BlobClientOptions();
        return new(Build(options, new BearerTokenAuthenticationPolicy(credential, StorageScope), perCall: null), options, accountName, null, null);
    }

    /// <summary>A request for the operation, with x-ms-version set.</summary>
    public HttpMessage CreateMessage(RequestMethod method, Uri uri)
    {
        var message = Pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(uri);
        message.Request.Headers.SetValue("x-ms-version", Version);
        return message;
    }

    /// <summary>Sends the message; an error response throws, naming the operation and its target.</summary>
    public async Task<Response> SendAsync(HttpMessage message, string operation, string target, CancellationToken cancellationToken)
    {
        try
        {
            await Pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exception)
        {
            throw BlobErrors.FromTransport(exception, operation, target);
        }

        if (message.Response.IsError)
        {
            if (!message.BufferResponse && message.Response.ContentStream is { } stream)
            {
                // A streamed error response: read its (small) body so that the error code and message are available.
                var buffer = new MemoryStream();
                await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
                buffer.Position = 0;
                message.Response.ContentStream = buffer;
            }

            throw BlobErrors.FromResponse(message.Response, operation, target);
        }

        return message.Response;
    }

    /// <summary>
    /// Sends the message as <see cref="SendAsync"/> does and answers true; an error that says the blob or container is
    /// not there (<paramref name="isAbsent"/>) answers false instead of throwing. Exists and DeleteIfExists are this.
    /// </summary>
    public async Task<Response<bool>> SendUnlessAbsentAsync(HttpMessage message, string operation, string target, Func<RequestFailedException, bool> isAbsent, CancellationToken cancellationToken)
    {
        try
        {
            return Response.FromValue(true, await SendAsync(message, operation, target, cancellationToken).ConfigureAwait(false));
        }
        catch (RequestFailedException exception) when (isAbsent(exception))
        {
            return Response.FromValue(false, message.Response);
        }
    }

    private static HttpPipeline Build(BlobClientOptions options, HttpPipelinePolicy? perRetry, HttpPipelinePolicy? perCall) =>
        HttpPipelineBuilder.Build(
            options,
            perCall is null ? [] : [perCall],
            perRetry is null ? [] : [perRetry],
            responseClassifier: null);
}
