using System.Diagnostics.Tracing;
using System.Net;
using Azure;
using Azure.Core;
using Azure.Core.Diagnostics;
using Kiln.Azure;
using Kiln.Azure.Authentication;

namespace Kiln.UnitTests.Azure;

/// <summary>How each credential reaches the wire, through the real Azure.Core pipeline and a fake service.</summary>
public sealed class AuthenticationPolicyTests
{
    private static readonly Uri Endpoint = new("http://127.0.0.1:10000/devstoreaccount1");

    [Fact]
    public async Task A_SharedKey_request_carries_x_ms_date_and_a_signature_of_what_went_on_the_wire()
    {
        var service = new FakeBlobService().Respond(HttpStatusCode.Created);
        var options = service.Options();
        options.TimeProvider = new SettableClock(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var blob = Client(options).GetBlobContainerClient("releases").GetBlobClient("app/1.0.0/app.zip");

        await blob.UploadAsync(BinaryData.FromString("hello"));

        var request = Assert.Single(service.Requests);
        Assert.Equal("Fri, 02 Jan 2026 03:04:05 GMT", request.Header("x-ms-date"));
        Assert.Equal($"SharedKey devstoreaccount1:{ExpectedSignature(request)}", request.Header("Authorization"));
    }

    [Fact]
    public async Task Each_retry_is_signed_again_with_its_own_date()
    {
        var service = new FakeBlobService().Respond(HttpStatusCode.ServiceUnavailable).Respond(HttpStatusCode.Created);
        var options = service.Options();
        options.TimeProvider = new SettableClock(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero)) { Step = TimeSpan.FromSeconds(30) };
        var container = Client(options).GetBlobContainerClient("releases");

        await container.CreateAsync();

        Assert.Equal(2, service.Requests.Count);
        Assert.NotEqual(service.Requests[0].Header("x-ms-date"), service.Requests[1].Header("x-ms-date"));
        Assert.All(service.Requests, request => Assert.Equal($"SharedKey devstoreaccount1:{ExpectedSignature(request)}", request.Header("Authorization")));
    }

    [Fact]
    public async Task Every_request_sends_the_service_version_of_the_options()
    {
        var service = new FakeBlobService().Respond(HttpStatusCode.Created);
        var container = Client(service.Options(new BlobClientOptions(BlobClientOptions.ServiceVersion.V2025_01_05))).GetBlobContainerClient("c");

        await container.CreateAsync();

        Assert.Equal("2025-01-05", service.Requests[0].Header("x-ms-version"));
    }

    [Fact]
    public async Task A_SAS_is_appended_to_every_request_once_even_when_it_is_retried()
    {
        var service = new FakeBlobService().Respond(HttpStatusCode.InternalServerError).Respond(HttpStatusCode.Created);
        var client = new BlobServiceClient(Endpoint, new AzureSasCredential("?sv=2025-01-05&sp=rw&sig=c2lnbmF0dXJl"), service.Options());

        await client.GetBlobContainerClient("c").CreateAsync();

        Assert.Equal(2, service.Requests.Count);
        Assert.All(service.Requests, request => Assert.Equal("?restype=container&sv=2025-01-05&sp=rw&sig=c2lnbmF0dXJl", request.Uri.Query));
        Assert.All(service.Requests, request => Assert.Null(request.Header("Authorization")));
    }

    [Fact]
    public async Task The_SAS_signature_never_reaches_Azure_Core_logging()
    {
        var service = new FakeBlobService().Respond(HttpStatusCode.Created);
        var client = new BlobServiceClient(Endpoint, new AzureSasCredential("sv=2025-01-05&sp=rw&sig=bG9nZ2VkU2lnbmF0dXJl"), service.Options());
        var logged = new List<string>();
        using (new AzureEventSourceListener((_, message) => { lock (logged) { logged.Add(message); } }, EventLevel.Verbose))
        {
            await client.GetBlobContainerClient("logged").CreateAsync();
        }

        lock (logged)
        {
            Assert.Contains(logged, message => message.Contains("/devstoreaccount1/logged?restype=container", StringComparison.Ordinal));
            Assert.DoesNotContain(logged, message => message.Contains("bG9nZ2VkU2lnbmF0dXJl", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_SharedKey_authorization_never_reaches_Azure_Core_logging()
    {
        var service = new FakeBlobService().Respond(HttpStatusCode.Created);
        var logged = new List<string>();
        using (new AzureEventSourceListener((_, message) => { lock (logged) { logged.Add(message); } }, EventLevel.Verbose))
        {
            await Client(service.Options()).GetBlobContainerClient("logged-key").CreateAsync();
        }

        var authorization = service.Requests[0].Header("Authorization")!;
        lock (logged)
        {
            Assert.Contains(logged, message => message.Contains("/devstoreaccount1/logged-key?restype=container", StringComparison.Ordinal));
            Assert.DoesNotContain(logged, message => message.Contains(authorization["SharedKey devstoreaccount1:".Length..], StringComparison.Ordinal));
            Assert.DoesNotContain(logged, message => message.Contains(SharedKeySignatureTests.DevelopmentKey, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_token_credential_sends_a_bearer_token_for_the_storage_scope()
    {
        var service = new FakeBlobService().Respond(HttpStatusCode.Created);
        var credential = new FixedTokenCredential("entra-token");
        var client = new BlobServiceClient(new Uri("https://account.blob.core.windows.net"), credential, service.Options());

        await client.GetBlobContainerClient("c").CreateAsync();

        Assert.Equal("Bearer entra-token", service.Requests[0].Header("Authorization"));
        Assert.Equal(["https://storage.azure.com/.default"], credential.Scopes);
        Assert.Equal("account", client.AccountName);
    }

    [Fact]
    public void A_service_uri_with_a_query_is_refused_so_that_a_SAS_in_it_is_not_logged()
    {
        var error = Assert.Throws<ArgumentException>(() => new BlobServiceClient(new Uri("https://a.blob.core.windows.net/?sv=1&sig=secret"), new AzureSasCredential("sv=1&sig=secret")));

        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    private static BlobServiceClient Client(BlobClientOptions options) =>
        new(Endpoint, new StorageSharedKeyCredential("devstoreaccount1", SharedKeySignatureTests.DevelopmentKey), options);

    /// <summary>The signature the service computes from the request it received.</summary>
    private static string ExpectedSignature(RecordedRequest request)
    {
        var headers = request.Headers.Where(header => !string.Equals(header.Key, "Authorization", StringComparison.OrdinalIgnoreCase));
        var stringToSign = SharedKeySignature.StringToSign(request.Method, request.Uri, headers, null, "devstoreaccount1");
        return SharedKeySignatureTests.Sign(SharedKeySignatureTests.DevelopmentKey, stringToSign);
    }

    private sealed class FixedTokenCredential(string token) : TokenCredential
    {
        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes.AddRange(requestContext.Scopes);
            return new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
