using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Azure;
using Kiln.Azure;
using Kiln.Azure.Models;

namespace Kiln.UnitTests.Azure;

/// <summary>What the client puts on the wire for each operation, and how it reads the answers, against a fake service.</summary>
public sealed class BlobRequestTests
{
    private const string Key = SharedKeySignatureTests.DevelopmentKey;

    [Fact]
    public async Task An_upload_up_to_the_threshold_is_one_Put_Blob_with_the_sha256_and_the_callers_metadata()
    {
        var service = new FakeBlobService().Respond(HttpStatusCode.Created, new Dictionary<string, string> { ["ETag"] = "\"0x1\"" });
        var content = Encoding.UTF8.GetBytes("0123456789");

        var uploaded = await Blob(service, threshold: 10).UploadAsync(BinaryData.FromBytes(content), new BlobUploadOptions
        {
            Metadata = new Dictionary<string, string> { ["version"] = "1.0.0", ["SHA256"] = "caller's value is replaced" },
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/zip" },
        });

        var request = Assert.Single(service.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal(string.Empty, request.Uri.Query);
        Assert.Equal("BlockBlob", request.Header("x-ms-blob-type"));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), request.Header("x-ms-meta-sha256"));
        Assert.Equal("1.0.0", request.Header("x-ms-meta-version"));
        Assert.Equal("application/zip", request.Header("x-ms-blob-content-type"));
        Assert.Equal(content, request.Body);
        Assert.Equal(new ETag("0x1"), uploaded.Value.ETag); // Azure.Core reads the quoted header value without its quotes
    }

    [Fact]
    public async Task A_seekable_upload_is_streamed_as_one_Put_Blob_with_the_MD5_of_its_bytes_and_the_stream_stays_open()
    {
        var service = new FakeBlobService().Respond(HttpStatusCode.Created, new Dictionary<string, string> { ["ETag"] = "\"0x1\"" });
        var content = Encoding.UTF8.GetBytes("a file larger than one block of four bytes");
        using var stream = new MemoryStream(content);

        await Blob(service, blockSize: 4).UploadAsync(stream);

        var request = Assert.Single(service.Requests);
        Assert.Equal(content, request.Body);
#pragma warning disable CA5351 // The storage's Content-MD5, not security.
        Assert.Equal(Convert.ToBase64String(MD5.HashData(content)), request.Header("Content-MD5"));
#pragma warning restore CA5351
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), request.Header("x-ms-meta-sha256"));
        Assert.True(stream.CanRead, "the upload closed the caller's stream");
    }

    [Fact]
    public async Task An_upload_above_the_threshold_puts_blocks_and_commits_them_in_content_order()
    {
        var service = new FakeBlobService().Respond(HttpStatusCode.Created);
        var content = Encoding.UTF8.GetBytes("abcdefghijklmnopqr"); // 18 bytes: blocks of 4, 4, 4, 4 and 2

        await Blob(service, threshold: 10, blockSize: 4).UploadAsync(new MemoryStream(content), new BlobUploadOptions
        {
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All, LeaseId = "lease-1" },
        });

        var blocks = service.Requests.Where(request => request.Uri.Query.Contains("comp=block&", StringComparison.Ordinal)).ToList();
        var commit = Assert.Single(service.Requests, request => request.Uri.Query == "?comp=blocklist");
        var committedIds = XDocument.Parse(Encoding.UTF8.GetString(commit.Body)).Root!.Elements("Latest").Select(element => element.Value).ToList();
        var bodies = blocks.ToDictionary(request => BlockId(request.Uri), request => request.Body);
        Assert.Equal(5, blocks.Count);
        Assert.Single(committedIds.Select(id => id.Length).Distinct());
        Assert.Equal(content, committedIds.SelectMany(id => bodies[id]).ToArray());
        Assert.All(blocks, block => Assert.Equal("lease-1", block.Header("x-ms-lease-id")));
        Assert.All(blocks, block => Assert.Null(block.Header("If-None-Match")));
        Assert.Equal("*", commit.Header("If-None-Match"));
        Assert.Equal("lease-1", commit.Header("x-ms-lease-id"));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), commit.Header("x-ms-meta-sha256"));
    }

    [Fact]
    public async Task No_more_blocks_than_the_maximum_concurrency_are_in_flight_at_once()
    {
        var inFlight = 0;
        var most = 0;
        using var threeInFlight = new ManualResetEventSlim();
        var service = new FakeBlobService
        {
            Route = _ =>
            {
                var now = Interlocked.Increment(ref inFlight);
                InterlockedMax(ref most, now);
                if (now >= 3)
                {
                    threeInFlight.Set();
                }

                // The first blocks wait until three are in flight at once, so the overlap does not hang on how soon a
                // busy machine runs the next one (a fixed sleep let them finish one by one there); the wait is bounded
                // so that an uploader that never overlaps fails the assertion below rather than hanging.
                threeInFlight.Wait(TimeSpan.FromSeconds(10));
                Interlocked.Decrement(ref inFlight);
                return new HttpResponseMessage(HttpStatusCode.Created);
            },
        };

        await Blob(service, threshold: 0, blockSize: 1, concurrency: 3).UploadAsync(BinaryData.FromBytes(new byte[12]));

        Assert.Equal(13, service.Requests.Count);
        Assert.Equal(3, most);
    }

    [Fact]
    public async Task A_failed_block_fails_the_upload_with_its_own_error_and_nothing_is_committed()
    {
        var service = new FakeBlobService
        {
            Route = request => request.Uri.Query.Contains("comp=block&", StringComparison.Ordinal) && request.Body[0] == 2
                ? Error(HttpStatusCode.Forbidden, "AuthorizationFailure")
                : new HttpResponseMessage(HttpStatusCode.Created),
        };

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => Blob(service, threshold: 0, blockSize: 1).UploadAsync(BinaryData.FromBytes([0, 1, 2, 3, 4, 5])));

        Assert.Equal(403, error.Status);
        Assert.StartsWith("Put Block failed for blob 'c/b.bin'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(service.Requests, request => request.Uri.Query.Contains("blocklist", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_empty_upload_is_one_Put_Blob_of_no_bytes()
    {
        var service = new FakeBlobService().Respond(HttpStatusCode.Created);

        var uploaded = await Blob(service).UploadAsync(new MemoryStream());

        Assert.Empty(Assert.Single(service.Requests).Body);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData([])), uploaded.Value.Sha256);
    }

    [Fact]
    public async Task Conditions_become_quoted_If_Match_If_None_Match_dates_and_the_lease_id()
    {
        var service = new FakeBlobService().Respond(HttpStatusCode.Accepted);
        var conditions = new BlobRequestConditions
        {
            IfMatch = new ETag("0x8DB"),
            IfModifiedSince = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
            IfUnmodifiedSince = new DateTimeOffset(2026, 2, 3, 4, 5, 6, TimeSpan.FromHours(2)),
            LeaseId = "lease-2",
        };

        await Blob(service).DeleteAsync(conditions);

        var request = Assert.Single(service.Requests);
        Assert.Equal("DELETE", request.Method);
        Assert.Equal("\"0x8DB\"", request.Header("If-Match"));
        Assert.Equal("Fri, 02 Jan 2026 03:04:05 GMT", request.Header("If-Modified-Since"));
        Assert.Equal("Tue, 03 Feb 2026 02:05:06 GMT", request.Header("If-Unmodified-Since"));
        Assert.Equal("lease-2", request.Header("x-ms-lease-id"));
    }

    [Fact]
    public async Task Properties_are_read_from_the_headers_with_metadata_lease_and_copy_state()
    {
        var service = new FakeBlobService().Respond(HttpStatusCode.OK, new Dictionary<string, string>
        {
            ["ETag"] = "\"0x8DC\"",
            ["Last-Modified"] = "Fri, 02 Jan 2026 03:04:05 GMT",
            ["Content-Length"] = "0",
            ["x-ms-meta-sha256"] = "ab12",
            ["x-ms-meta-Version"] = "2.0.0",
            ["x-ms-lease-state"] = "leased",
            ["x-ms-lease-duration"] = "infinite",
            ["x-ms-copy-status"] = "success",
            ["x-ms-copy-id"] = "copy-1",
        });

        var properties = (await Blob(service).GetPropertiesAsync()).Value;

        Assert.Equal("HEAD", service.Requests[0].Method);
        Assert.Equal(new ETag("0x8DC"), properties.ETag);
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), properties.LastModified);
        Assert.Equal("ab12", properties.Sha256);
        Assert.Equal("2.0.0", properties.Metadata["version"]);
        Assert.Equal(LeaseState.Leased, properties.LeaseState);
        Assert.True(properties.LeaseIsInfinite);
        Assert.Equal(CopyStatus.Success, properties.CopyStatus);
        Assert.Equal("copy-1", properties.CopyId);
    }

    [Fact]
    public async Task Listing_sends_the_prefix_and_page_size_and_follows_NextMarker()
    {
        var service = new FakeBlobService()
            .Respond(HttpStatusCode.OK, body: ListPage(["v1/a", "v1/b"], nextMarker: "marker-2"))
            .Respond(HttpStatusCode.OK, body: ListPage(["v1/c"], nextMarker: null));
        var container = Container(service);

        var pages = new List<Page<BlobItem>>();
        await foreach (var page in container.GetBlobsAsync(BlobTraits.Metadata, prefix: "v1/").AsPages(pageSizeHint: 2))
        {
            pages.Add(page);
        }

        Assert.Equal("?restype=container&comp=list&prefix=v1%2F&maxresults=2&include=metadata", service.Requests[0].Uri.Query);
        Assert.Equal("?restype=container&comp=list&prefix=v1%2F&marker=marker-2&maxresults=2&include=metadata", service.Requests[1].Uri.Query);
        Assert.Equal(["v1/a", "v1/b", "v1/c"], pages.SelectMany(page => page.Values).Select(item => item.Name));
        Assert.Equal("marker-2", pages[0].ContinuationToken);
        Assert.Null(pages[1].ContinuationToken);
        var first = pages[0].Values[0];
        Assert.Equal(5, first.Properties.ContentLength);
        Assert.Equal(new ETag("0x8DD"), first.Properties.ETag);
        Assert.Equal("text/plain", first.Properties.ContentType);
        Assert.Equal("hash-v1/a", first.Metadata["sha256"]);
    }

    [Fact]
    public async Task Acquiring_a_lease_proposes_the_clients_lease_id_for_the_duration()
    {
        var service = new FakeBlobService().Respond(HttpStatusCode.Created, new Dictionary<string, string> { ["x-ms-lease-id"] = "lease-3" });
        var lease = Blob(service).GetBlobLeaseClient("lease-3");

        var acquired = await lease.AcquireAsync(TimeSpan.FromSeconds(30));

        var request = Assert.Single(service.Requests);
        Assert.Equal("?comp=lease", request.Uri.Query);
        Assert.Equal("acquire", request.Header("x-ms-lease-action"));
        Assert.Equal("30", request.Header("x-ms-lease-duration"));
        Assert.Equal("lease-3", request.Header("x-ms-proposed-lease-id"));
        Assert.Equal("lease-3", acquired.Value.LeaseId);
    }

    [Theory]
    [InlineData(14)]
    [InlineData(61)]
    public async Task A_lease_duration_outside_15_to_60_seconds_is_refused_before_any_request(int seconds)
    {
        var service = new FakeBlobService();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Blob(service).GetBlobLeaseClient().AcquireAsync(TimeSpan.FromSeconds(seconds)));

        Assert.Empty(service.Requests);
    }

    [Fact]
    public async Task Breaking_a_container_lease_sends_the_break_period_and_reads_the_lease_time()
    {
        var service = new FakeBlobService().Respond(HttpStatusCode.Accepted, new Dictionary<string, string> { ["x-ms-lease-time"] = "5" });

        var broken = await Container(service).GetBlobLeaseClient().BreakAsync(TimeSpan.FromSeconds(5));

        var request = Assert.Single(service.Requests);
        Assert.Equal("?restype=container&comp=lease", request.Uri.Query);
        Assert.Equal("break", request.Header("x-ms-lease-action"));
        Assert.Equal("5", request.Header("x-ms-lease-break-period"));
        Assert.Equal(5, broken.Value.LeaseTime);
    }

    [Fact]
    public async Task A_pending_copy_is_polled_until_it_succeeds()
    {
        var service = new FakeBlobService()
            .Respond(HttpStatusCode.Accepted, new Dictionary<string, string> { ["x-ms-copy-id"] = "copy-9", ["x-ms-copy-status"] = "pending" })
            .Respond(HttpStatusCode.OK, new Dictionary<string, string> { ["x-ms-copy-id"] = "copy-9", ["x-ms-copy-status"] = "pending", ["x-ms-copy-progress"] = "5/10" })
            .Respond(HttpStatusCode.OK, new Dictionary<string, string> { ["x-ms-copy-id"] = "copy-9", ["x-ms-copy-status"] = "success", ["x-ms-copy-progress"] = "10/10" });
        var container = Container(service);

        var operation = await container.GetBlobClient("to.bin").StartCopyFromUriAsync(container.GetBlobClient("from.bin").Uri);
        var copied = await operation.WaitForCompletionAsync(TimeSpan.FromMilliseconds(1), CancellationToken.None);

        Assert.Equal("http://127.0.0.1:10000/devstoreaccount1/c/from.bin", service.Requests[0].Header("x-ms-copy-source"));
        Assert.Equal(3, service.Requests.Count);
        Assert.Equal("copy-9", operation.Id);
        Assert.Equal(10, copied.Value);
    }

    [Fact]
    public async Task A_failed_copy_throws_naming_the_source_and_the_destination()
    {
        var service = new FakeBlobService()
            .Respond(HttpStatusCode.Accepted, new Dictionary<string, string> { ["x-ms-copy-id"] = "copy-9", ["x-ms-copy-status"] = "pending" })
            .Respond(HttpStatusCode.OK, new Dictionary<string, string> { ["x-ms-copy-id"] = "copy-9", ["x-ms-copy-status"] = "failed", ["x-ms-copy-status-description"] = "500 InternalError" });
        var container = Container(service);
        var operation = await container.GetBlobClient("to.bin").StartCopyFromUriAsync(container.GetBlobClient("from.bin").Uri);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => operation.WaitForCompletionAsync(TimeSpan.FromMilliseconds(1), CancellationToken.None));

        Assert.Equal("CopyFailed", error.ErrorCode);
        Assert.Contains("Copy Blob from '/devstoreaccount1/c/from.bin' failed for blob 'c/to.bin'", error.Message, StringComparison.Ordinal);
        Assert.Contains("500 InternalError", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_failure_is_a_RequestFailedException_naming_the_operation_and_the_blob()
    {
        var service = new FakeBlobService { Route = _ => throw new HttpRequestException("Connection refused (127.0.0.1:10000)") };
        var options = service.Options();
        options.Retry.MaxRetries = 0;

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => Blob(service, options: options).GetPropertiesAsync());

        Assert.Equal(0, error.Status);
        Assert.StartsWith("Get Blob Properties failed for blob 'c/b.bin': ", error.Message, StringComparison.Ordinal);
        Assert.Contains("Connection refused", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_token_credential_is_refused_for_an_http_endpoint()
    {
        var error = Assert.Throws<ArgumentException>(() => new BlobServiceClient(new Uri("http://127.0.0.1:10000/devstoreaccount1"), new global::Azure.Identity.DefaultAzureCredential()));

        Assert.Contains("HTTPS", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_DefaultAzureCredential_is_accepted_for_an_https_endpoint_without_any_request()
    {
        var client = new BlobServiceClient(new Uri("https://kilnreleases.blob.core.windows.net/"), new global::Azure.Identity.DefaultAzureCredential());

        Assert.Equal("kilnreleases", client.AccountName);
        Assert.Equal(new Uri("https://kilnreleases.blob.core.windows.net/releases"), client.GetBlobContainerClient("releases").Uri);
    }

    private static string BlockId(Uri uri) =>
        Uri.UnescapeDataString(uri.Query.TrimStart('?').Split('&').Single(pair => pair.StartsWith("blockid=", StringComparison.Ordinal))["blockid=".Length..]);

    private static string ListPage(string[] names, string? nextMarker) =>
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><EnumerationResults ServiceEndpoint=\"http://127.0.0.1:10000/devstoreaccount1\" ContainerName=\"c\"><Blobs>"
        + string.Concat(names.Select(name =>
            $"<Blob><Name>{name}</Name><Properties><Last-Modified>Fri, 02 Jan 2026 03:04:05 GMT</Last-Modified><Etag>\"0x8DD\"</Etag><Content-Length>5</Content-Length><Content-Type>text/plain</Content-Type></Properties><Metadata><sha256>hash-{name}</sha256></Metadata></Blob>"))
        + $"</Blobs><NextMarker>{nextMarker}</NextMarker></EnumerationResults>";

    private static HttpResponseMessage Error(HttpStatusCode status, string code)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent($"<Error><Code>{code}</Code><Message>refused</Message></Error>") };
        response.Headers.Add("x-ms-error-code", code);
        return response;
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    private static BlobContainerClient Container(FakeBlobService service, BlobClientOptions? options = null) =>
        new BlobServiceClient(new Uri("http://127.0.0.1:10000/devstoreaccount1"), new StorageSharedKeyCredential("devstoreaccount1", Key), options ?? service.Options())
            .GetBlobContainerClient("c");

    private static BlobClient Blob(FakeBlobService service, long threshold = BlobClientOptions.DefaultSingleUploadThreshold, int blockSize = 4, int concurrency = 4, BlobClientOptions? options = null)
    {
        options ??= service.Options(new BlobClientOptions { SingleUploadThreshold = threshold, BlockSize = blockSize, MaximumConcurrency = concurrency });
        return Container(service, options).GetBlobClient("b.bin");
    }
}
