using Azure;
using Azure.Core;
using Kiln.Azure.Authentication;
using Kiln.Azure.Pipeline;

namespace Kiln.Azure;

/// <summary>
/// A storage account's Blob service (as Azure.Storage.Blobs' type of the same name): the entry point that holds the
/// credential and the pipeline, and hands out <see cref="BlobContainerClient"/>s that share them. Thread-safe; create
/// one per account and reuse it.
/// </summary>
public class BlobServiceClient
{
    private readonly BlobPipeline? pipeline;

    /// <summary>
    /// From a connection string: AccountName + AccountKey (+ DefaultEndpointsProtocol, EndpointSuffix or BlobEndpoint),
    /// SharedAccessSignature + BlobEndpoint, or UseDevelopmentStorage=true for Azurite on http://127.0.0.1:10000.
    /// </summary>
    /// <exception cref="FormatException">A setting is missing or malformed; the message names it and never echoes a value.</exception>
    public BlobServiceClient(string connectionString, BlobClientOptions? options = null)
    {
        var parsed = StorageConnectionString.Parse(connectionString);
        Uri = parsed.BlobEndpoint;
        pipeline = parsed.SharedKey is { } sharedKey
            ? BlobPipeline.ForSharedKey(sharedKey, options)
            : BlobPipeline.ForSas(parsed.Sas!, AccountNameOf(Uri), options);
    }

    /// <summary>With an account key (SharedKey authorization).</summary>
    public BlobServiceClient(Uri serviceUri, StorageSharedKeyCredential credential, BlobClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(credential);
        Uri = WithoutQuery(serviceUri);
        pipeline = BlobPipeline.ForSharedKey(credential, options);
    }

    /// <summary>With a shared access signature, appended to every request (and never logged).</summary>
    public BlobServiceClient(Uri serviceUri, AzureSasCredential credential, BlobClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(credential);
        Uri = WithoutQuery(serviceUri);
        pipeline = BlobPipeline.ForSas(credential, AccountNameOf(Uri), options);
    }

    /// <summary>
    /// With a Microsoft Entra ID token credential (for example Azure.Identity's <c>DefaultAzureCredential</c>, which
    /// picks up GitHub Actions' workload identity federation): tokens for https://storage.azure.com/.default. HTTPS only.
    /// </summary>
    public BlobServiceClient(Uri serviceUri, TokenCredential credential, BlobClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(credential);
        Uri = WithoutQuery(serviceUri);
        if (Uri.Scheme != "https")
        {
            throw new ArgumentException("Microsoft Entra ID tokens are only sent over HTTPS: use the https:// Blob endpoint (Azurite needs --oauth basic and a certificate for this; use its connection string instead).", nameof(serviceUri));
        }

        pipeline = BlobPipeline.ForToken(credential, AccountNameOf(Uri), options);
    }

    /// <summary>For mocking.</summary>
    protected BlobServiceClient()
    {
        Uri = null!;
    }

    /// <summary>The Blob service endpoint, without any SAS.</summary>
    public virtual Uri Uri { get; }

    /// <summary>The storage account's name (from the credential, the host name, or the first path segment on Azurite).</summary>
    public virtual string? AccountName => Pipeline.AccountName;

    private BlobPipeline Pipeline => pipeline ?? throw new InvalidOperationException("This client was created for mocking.");

    /// <summary>A client for a container of this account, sharing this client's pipeline. No request is made.</summary>
    public virtual BlobContainerClient GetBlobContainerClient(string blobContainerName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(blobContainerName);
        return new BlobContainerClient(Pipeline, new Uri(Uri.AbsoluteUri.TrimEnd('/') + "/" + Uri.EscapeDataString(blobContainerName)), blobContainerName);
    }

    /// <summary>The account name a Blob endpoint names: account.blob.core.windows.net, or http://host:port/account on an emulator.</summary>
    internal static string? AccountNameOf(Uri uri)
    {
        if (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 || uri.IsLoopback)
        {
            return uri.Segments.Length > 1 ? uri.Segments[1].TrimEnd('/') : null;
        }

        var dot = uri.Host.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? uri.Host[..dot] : null;
    }

    private static Uri WithoutQuery(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri || uri.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException("The Blob service URI must be an absolute http(s) URL such as https://account.blob.core.windows.net.", nameof(uri));
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
        {
            throw new ArgumentException("The Blob service URI is http:// on another machine: use https://; http is for a local emulator on 127.0.0.1 or localhost.", nameof(uri));
        }

        if (uri.Query.Length > 1)
        {
            throw new ArgumentException("The Blob service URI has a query: pass a SAS as an AzureSasCredential instead, so that it is never logged.", nameof(uri));
        }

        return new Uri(uri.GetLeftPart(UriPartial.Path).TrimEnd('/'));
    }
}
