using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Kiln.Azure;
using Kiln.Azure.Models;

namespace Kiln.IntegrationTests.Azure;

/// <summary>The Blob client against a real Azurite, signed with the development account's key unless a test says otherwise.</summary>
public sealed class BlobClientTests(AzuriteAccount azurite) : IClassFixture<AzuriteAccount>, IAsyncLifetime
{
    private readonly ScratchContainers containers = new(azurite);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => containers.DeleteAllAsync();

    [Fact]
    public async Task Creating_a_container_twice_creates_it_once_and_reports_that_it_existed()
    {
        var container = containers.New("twice");

        var first = await container.CreateIfNotExistsAsync();
        var second = await container.CreateIfNotExistsAsync();

        Assert.NotNull(first);
        Assert.NotEqual(default, first.Value.ETag);
        Assert.Null(second);
        Assert.True((await container.ExistsAsync()).Value);
    }

    [Fact]
    public async Task Metadata_names_that_sort_differently_ordinally_are_signed_in_the_services_order_and_accepted()
    {
        var blob = (await CreatedContainer("metadata-order")).GetBlobClient("ordered.txt");

        await blob.UploadAsync(BinaryData.FromString("ordered"), new BlobUploadOptions
        {
            Metadata = new Dictionary<string, string> { ["a1"] = "digit", ["a_b"] = "underscore", ["ab"] = "letter" },
        });
        var properties = (await blob.GetPropertiesAsync()).Value;

        Assert.Equal(("digit", "underscore", "letter"), (properties.Metadata["a1"], properties.Metadata["a_b"], properties.Metadata["ab"]));
    }

    [Fact]
    public async Task A_download_whose_body_is_cut_off_fails_with_one_line_naming_the_blob()
    {
        var name = AzuriteAccount.NewContainerName("cut");
        var direct = containers.Track(new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(name));
        await direct.CreateAsync();
        await direct.GetBlobClient("big.bin").UploadAsync(BinaryData.FromBytes(new byte[256 * 1024]));
        var azuriteRoot = new Uri(azurite.BlobEndpoint.GetLeftPart(UriPartial.Authority) + "/");
        await using var proxy = new Releases.FaultInjectingProxy(azuriteRoot, (_, _) => null, cutBody: request => request.HttpMethod == "GET");
        var options = new BlobClientOptions();
        options.Retry.MaxRetries = 0;
        var blob = new BlobServiceClient(Kiln.Azure.Authentication.DevelopmentStorageAccount.ConnectionString(new Uri(proxy.BaseUrl, Kiln.Azure.Authentication.DevelopmentStorageAccount.Name)), options)
            .GetBlobContainerClient(name).GetBlobClient("big.bin");

        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => blob.DownloadToAsync(Stream.Null));

        Assert.StartsWith($"Get Blob of blob '{name}/big.bin' was cut off: the connection closed before the whole body of 262144 bytes arrived", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure.Message);
    }

    [Fact]
    public async Task A_file_whose_bytes_change_between_hashing_and_sending_is_refused_by_the_storage_and_not_stored()
    {
        var container = await CreatedContainer("changing");
        var blob = container.GetBlobClient("changing.bin");
        using var content = new ChangingStream(new byte[64 * 1024]);

        var refusal = await Assert.ThrowsAsync<RequestFailedException>(() => blob.UploadAsync(content));

        Assert.Equal((400, "Md5Mismatch"), (refusal.Status, refusal.ErrorCode));
        Assert.False((await blob.ExistsAsync()).Value);
    }

    [Fact]
    public async Task A_large_seekable_upload_goes_as_one_streamed_Put_Blob_and_round_trips()
    {
        var blob = (await CreatedContainer("streamed")).GetBlobClient("large.bin");
        var content = RandomNumberGenerator.GetBytes(20 * 1024 * 1024);
        using var stream = new MemoryStream(content);

        var uploaded = await blob.UploadAsync(stream);
        using var downloaded = new MemoryStream();
        await blob.DownloadToAsync(downloaded);

        Assert.Equal(Sha256Hex(content), uploaded.Value.Sha256);
        Assert.Equal(content, downloaded.ToArray());
#pragma warning disable CA5351 // The storage's Content-MD5, not security.
        Assert.Equal(Convert.ToBase64String(MD5.HashData(content)), Convert.ToBase64String((await blob.GetPropertiesAsync()).Value.ContentHash ?? []));
#pragma warning restore CA5351
    }

    [Fact]
    public async Task A_small_upload_round_trips_with_the_callers_metadata_and_the_contents_sha256()
    {
        var blob = (await CreatedContainer("small")).GetBlobClient("dir/hello world.txt");
        var content = Encoding.UTF8.GetBytes("hello, blob");

        var uploaded = await blob.UploadAsync(BinaryData.FromBytes(content), new BlobUploadOptions
        {
            Metadata = new Dictionary<string, string> { ["version"] = "1.2.3" },
            HttpHeaders = new BlobHttpHeaders { ContentType = "text/plain" },
        });
        var downloaded = await blob.DownloadContentAsync();

        Assert.Equal(content, downloaded.Value.Content.ToArray());
        Assert.Equal(Sha256Hex(content), uploaded.Value.Sha256);
        Assert.Equal(Sha256Hex(content), downloaded.Value.Details.Metadata["sha256"]);
        Assert.Equal("1.2.3", downloaded.Value.Details.Metadata["version"]);
        Assert.Equal("text/plain", downloaded.Value.Details.ContentType);
        Assert.Equal(uploaded.Value.ETag, downloaded.Value.Details.ETag);
    }

    [Fact]
    public async Task A_large_upload_goes_as_blocks_in_parallel_and_round_trips_byte_for_byte()
    {
        var putBlocks = new PutBlockOverlap(overlap: 2);
        var options = new BlobClientOptions { SingleUploadThreshold = 4 * 1024 * 1024, BlockSize = 4 * 1024 * 1024, MaximumConcurrency = 2 };
        options.AddPolicy(putBlocks, HttpPipelinePosition.PerCall);
        var container = containers.New("large", options);
        await container.CreateAsync();
        var content = RandomNumberGenerator.GetBytes(10 * 1024 * 1024);
        var blob = container.GetBlobClient("large.bin");

        var uploaded = await blob.UploadAsync(new MemoryStream(content));
        using var downloaded = new MemoryStream();
        await blob.DownloadToAsync(downloaded);

        Assert.Equal(3, putBlocks.Count);
        Assert.Equal(2, putBlocks.MostInFlight);
        var blocks = await CommittedBlockSizesAsync(blob);
        Assert.Equal([4 * 1024 * 1024, 4 * 1024 * 1024, 2 * 1024 * 1024], blocks);
        Assert.Equal(content.Length, downloaded.Length);
        Assert.True(content.AsSpan().SequenceEqual(downloaded.ToArray()), "The downloaded bytes differ from the uploaded ones.");
        Assert.Equal(Sha256Hex(content), uploaded.Value.Sha256);
        Assert.Equal(Sha256Hex(content), (await blob.GetPropertiesAsync()).Value.Sha256);
    }

    [Fact]
    public async Task A_large_upload_from_a_stream_that_cannot_seek_goes_as_blocks_too()
    {
        var options = new BlobClientOptions { SingleUploadThreshold = 1024 * 1024, BlockSize = 512 * 1024 };
        var container = containers.New("unseekable", options);
        await container.CreateAsync();
        var content = RandomNumberGenerator.GetBytes((3 * 1024 * 1024) + 17);

        await container.GetBlobClient("piped.bin").UploadAsync(new ForwardOnlyStream(content));
        var downloaded = await container.GetBlobClient("piped.bin").DownloadContentAsync();

        var blocks = await CommittedBlockSizesAsync(container.GetBlobClient("piped.bin"));
        Assert.Equal([.. Enumerable.Repeat(512L * 1024, 6), 17], blocks);
        Assert.Equal(Sha256Hex(content), Sha256Hex(downloaded.Value.Content.ToArray()));
        Assert.Equal(Sha256Hex(content), downloaded.Value.Details.Sha256);
    }

    [Fact]
    public async Task One_client_serves_many_uploads_and_downloads_at_once()
    {
        var container = await CreatedContainer("parallel");
        var names = Enumerable.Range(0, 16).Select(index => $"files/{index:D2}.txt").ToList();

        await Task.WhenAll(names.Select(name => container.GetBlobClient(name).UploadAsync(BinaryData.FromString(name))));
        var contents = await Task.WhenAll(names.Select(async name => (await container.GetBlobClient(name).DownloadContentAsync()).Value.Content.ToString()));

        Assert.Equal(names, contents);
    }

    [Fact]
    public async Task Properties_report_etag_length_last_modified_metadata_and_content_type()
    {
        var blob = (await CreatedContainer("properties")).GetBlobClient("app.zip");
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);
        var uploaded = await blob.UploadAsync(BinaryData.FromString("12345"), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/zip" },
            Metadata = new Dictionary<string, string> { ["commit"] = "abc123" },
        });

        var properties = (await blob.GetPropertiesAsync()).Value;

        Assert.Equal(uploaded.Value.ETag, properties.ETag);
        Assert.Equal(5, properties.ContentLength);
        Assert.InRange(properties.LastModified, before, DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal("application/zip", properties.ContentType);
        Assert.Equal("abc123", properties.Metadata["commit"]);
        Assert.Equal(LeaseState.Available, properties.LeaseState);
    }

    [Fact]
    public async Task Listing_with_a_prefix_follows_continuation_markers_over_several_pages()
    {
        var container = await CreatedContainer("list");
        foreach (var name in new[] { "v1/a", "v1/b", "v1/c", "v1/d", "v1/e", "v2/a", "other" })
        {
            await container.GetBlobClient(name).UploadAsync(BinaryData.FromString(name));
        }

        var pages = new List<Page<BlobItem>>();
        await foreach (var page in container.GetBlobsAsync(prefix: "v1/").AsPages(pageSizeHint: 2))
        {
            pages.Add(page);
        }

        var all = new List<string>();
        await foreach (var item in container.GetBlobsAsync(BlobTraits.Metadata, prefix: "v1/"))
        {
            all.Add(item.Name);
            Assert.Equal(4, item.Properties.ContentLength);
            Assert.True(item.Metadata.ContainsKey("sha256"), $"{item.Name} is listed without its metadata.");
        }

        Assert.Equal([2, 2, 1], pages.Select(page => page.Values.Count));
        Assert.Equal(["v1/a", "v1/b", "v1/c", "v1/d", "v1/e"], pages.SelectMany(page => page.Values).Select(item => item.Name));
        Assert.NotNull(pages[0].ContinuationToken);
        Assert.Null(pages[^1].ContinuationToken);
        Assert.Equal(["v1/a", "v1/b", "v1/c", "v1/d", "v1/e"], all);
    }

    [Fact]
    public async Task Delete_if_exists_deletes_the_blob_once_and_then_reports_there_was_none()
    {
        var blob = (await CreatedContainer("delete")).GetBlobClient("gone.txt");
        await blob.UploadAsync(BinaryData.FromString("x"));

        var first = await blob.DeleteIfExistsAsync();
        var second = await blob.DeleteIfExistsAsync();

        Assert.True(first.Value);
        Assert.False(second.Value);
        Assert.False((await blob.ExistsAsync()).Value);
    }

    [Fact]
    public async Task Reading_a_missing_blob_fails_with_404_BlobNotFound_naming_the_operation_and_the_blob()
    {
        var blob = (await CreatedContainer("missing")).GetBlobClient("none.txt");

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => blob.GetPropertiesAsync());

        Assert.Equal(404, error.Status);
        Assert.Equal("BlobNotFound", error.ErrorCode);
        Assert.Contains("Get Blob Properties", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{blob.BlobContainerName}/none.txt'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_side_copy_completes_with_the_sources_content_and_metadata()
    {
        var container = await CreatedContainer("copy");
        var source = container.GetBlobClient("releases/1.0.0/app.zip");
        var uploaded = await source.UploadAsync(BinaryData.FromString("release 1.0.0"), new BlobUploadOptions { Metadata = new Dictionary<string, string> { ["version"] = "1.0.0" } });
        var destination = container.GetBlobClient("environments/production/app.zip");

        var operation = await destination.StartCopyFromUriAsync(source.Uri);
        var copied = await operation.WaitForCompletionAsync(TimeSpan.FromMilliseconds(100), CancellationToken.None);
        var result = await destination.DownloadContentAsync();

        Assert.True(operation.HasCompleted);
        Assert.Equal(CopyStatus.Success, operation.Status);
        Assert.Equal(13, copied.Value);
        Assert.Equal("release 1.0.0", result.Value.Content.ToString());
        Assert.Equal(uploaded.Value.Sha256, result.Value.Details.Sha256);
        Assert.Equal("1.0.0", result.Value.Details.Metadata["version"]);
    }

    [Fact]
    public async Task A_leased_blob_refuses_a_write_without_the_lease_id_and_takes_one_with_it()
    {
        var blob = (await CreatedContainer("lease")).GetBlobClient("pointer.json");
        await blob.UploadAsync(BinaryData.FromString("{}"));
        var lease = blob.GetBlobLeaseClient();

        var acquired = await lease.AcquireAsync(TimeSpan.FromSeconds(15));
        var refused = await Assert.ThrowsAsync<RequestFailedException>(() => blob.UploadAsync(BinaryData.FromString("{\"v\":2}")));
        await blob.UploadAsync(BinaryData.FromString("{\"v\":2}"), new BlobUploadOptions { Conditions = new BlobRequestConditions { LeaseId = lease.LeaseId } });

        Assert.Equal(lease.LeaseId, acquired.Value.LeaseId);
        Assert.Equal(412, refused.Status);
        Assert.Equal("LeaseIdMissing", refused.ErrorCode);
        Assert.Contains("'pointer.json'", refused.Message.Replace($"{blob.BlobContainerName}/", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal("{\"v\":2}", (await blob.DownloadContentAsync()).Value.Content.ToString());
        Assert.Equal(LeaseState.Leased, (await blob.GetPropertiesAsync()).Value.LeaseState);
    }

    [Fact]
    public async Task A_lease_is_acquired_renewed_released_and_broken()
    {
        var blob = (await CreatedContainer("lease-cycle")).GetBlobClient("pointer.json");
        await blob.UploadAsync(BinaryData.FromString("{}"));
        var first = blob.GetBlobLeaseClient();
        var second = blob.GetBlobLeaseClient();

        await first.AcquireAsync(TimeSpan.FromSeconds(30));
        var taken = await Assert.ThrowsAsync<RequestFailedException>(() => second.AcquireAsync(TimeSpan.FromSeconds(15)));
        var renewed = await first.RenewAsync();
        await first.ReleaseAsync();
        await second.AcquireAsync(BlobLeaseClient.InfiniteLeaseDuration);
        var broken = await blob.GetBlobLeaseClient().BreakAsync(TimeSpan.Zero);
        var properties = (await blob.GetPropertiesAsync()).Value;

        Assert.Equal(409, taken.Status);
        Assert.Equal("LeaseAlreadyPresent", taken.ErrorCode);
        Assert.Equal(first.LeaseId, renewed.Value.LeaseId);
        Assert.Equal(0, broken.Value.LeaseTime);
        Assert.Equal(LeaseState.Broken, properties.LeaseState);
    }

    [Fact]
    public async Task If_None_Match_star_refuses_to_overwrite_an_existing_blob_with_409_BlobAlreadyExists()
    {
        var blob = (await CreatedContainer("create-only")).GetBlobClient("releases/1.0.0/app.zip");
        var createOnly = new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } };
        await blob.UploadAsync(BinaryData.FromString("first"), createOnly);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => blob.UploadAsync(BinaryData.FromString("second"), createOnly));

        Assert.Equal(409, error.Status);
        Assert.Equal("BlobAlreadyExists", error.ErrorCode);
        Assert.Contains("Put Blob", error.Message, StringComparison.Ordinal);
        Assert.Equal("first", (await blob.DownloadContentAsync()).Value.Content.ToString());
    }

    [Fact]
    public async Task If_None_Match_star_refuses_a_block_upload_over_an_existing_blob_too()
    {
        var options = new BlobClientOptions { SingleUploadThreshold = 1024, BlockSize = 1024 };
        var container = containers.New("create-only-blocks", options);
        await container.CreateAsync();
        var blob = container.GetBlobClient("big.bin");
        var createOnly = new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } };
        await blob.UploadAsync(BinaryData.FromBytes(new byte[4096]), createOnly);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => blob.UploadAsync(BinaryData.FromBytes(new byte[4096]), createOnly));

        Assert.Equal(409, error.Status);
        Assert.Equal("BlobAlreadyExists", error.ErrorCode);
        Assert.Contains("Put Block List", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task If_Match_with_a_stale_etag_is_refused_with_412_ConditionNotMet()
    {
        var blob = (await CreatedContainer("if-match")).GetBlobClient("pointer.json");
        var stale = (await blob.UploadAsync(BinaryData.FromString("1"))).Value.ETag;
        var current = (await blob.UploadAsync(BinaryData.FromString("2"), new BlobUploadOptions { Conditions = new BlobRequestConditions { IfMatch = stale } })).Value.ETag;

        var error = await Assert.ThrowsAsync<RequestFailedException>(() =>
            blob.UploadAsync(BinaryData.FromString("3"), new BlobUploadOptions { Conditions = new BlobRequestConditions { IfMatch = stale } }));

        Assert.NotEqual(stale, current);
        Assert.Equal(412, error.Status);
        Assert.Equal("ConditionNotMet", error.ErrorCode);
        Assert.Equal("2", (await blob.DownloadContentAsync()).Value.Content.ToString());
    }

    [Fact]
    public async Task A_wrong_key_is_refused_with_403_and_the_message_holds_no_key()
    {
        var wrongKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
        var service = new BlobServiceClient(azurite.BlobEndpoint, new StorageSharedKeyCredential("devstoreaccount1", wrongKey), NoRetries());

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => service.GetBlobContainerClient("denied").CreateAsync());

        Assert.Equal(403, error.Status);
        // Azure Storage answers a bad signature with AuthenticationFailed; Azurite 3.37 with AuthorizationFailure.
        Assert.Equal("AuthorizationFailure", error.ErrorCode);
        Assert.Contains("Create Container failed for container 'denied'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongKey, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(DevelopmentKey, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SharedKey devstoreaccount1:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_account_sas_authorizes_uploads_downloads_listings_and_copies()
    {
        var sas = AccountSas.Create("devstoreaccount1", DevelopmentKey, "rwdlac", DateTimeOffset.UtcNow.AddHours(1));
        var service = new BlobServiceClient(azurite.BlobEndpoint, new AzureSasCredential(sas));
        var container = containers.Track(service.GetBlobContainerClient(AzuriteAccount.NewContainerName("sas")));

        await container.CreateAsync();
        await container.GetBlobClient("a.txt").UploadAsync(BinaryData.FromString("via sas"));
        await (await container.GetBlobClient("b.txt").StartCopyFromUriAsync(container.GetBlobClient("a.txt").Uri)).WaitForCompletionAsync();
        var names = new List<string>();
        await foreach (var item in container.GetBlobsAsync())
        {
            names.Add(item.Name);
        }

        Assert.Equal("via sas", (await container.GetBlobClient("b.txt").DownloadContentAsync()).Value.Content.ToString());
        Assert.Equal(["a.txt", "b.txt"], names);
    }

    [Fact]
    public async Task A_sas_without_write_permission_is_refused_and_the_message_holds_no_signature()
    {
        var sas = AccountSas.Create("devstoreaccount1", DevelopmentKey, "rl", DateTimeOffset.UtcNow.AddHours(1));
        var signature = Uri.UnescapeDataString(sas[(sas.IndexOf("sig=", StringComparison.Ordinal) + 4)..]);
        var container = await CreatedContainer("sas-read");
        var readOnly = new BlobServiceClient(azurite.BlobEndpoint, new AzureSasCredential(sas), NoRetries()).GetBlobContainerClient(container.Name);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => readOnly.GetBlobClient("x.txt").UploadAsync(BinaryData.FromString("x")));

        Assert.Equal(403, error.Status);
        Assert.NotNull(error.ErrorCode);
        Assert.DoesNotContain(signature, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Uri.EscapeDataString(signature), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UseDevelopmentStorage_points_at_Azurite_on_its_default_port()
    {
        var service = new BlobServiceClient("UseDevelopmentStorage=true");

        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), service.Uri);
        Assert.Equal("devstoreaccount1", service.AccountName);
        await Task.CompletedTask;
    }

    private static string DevelopmentKey => "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static BlobClientOptions NoRetries()
    {
        var options = new BlobClientOptions();
        options.Retry.MaxRetries = 0;
        return options;
    }

    private static string Sha256Hex(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private async Task<BlobContainerClient> CreatedContainer(string purpose)
    {
        var container = containers.New(purpose);
        await container.CreateAsync();
        return container;
    }

    /// <summary>
    /// The sizes of the blob's committed blocks in order, as Azurite's Get Block List reports them; asked with an
    /// account SAS over a plain HttpClient, so that the answer does not depend on the client under test.
    /// </summary>
    private static async Task<long[]> CommittedBlockSizesAsync(BlobClient blob)
    {
        var sas = AccountSas.Create("devstoreaccount1", DevelopmentKey, "r", DateTimeOffset.UtcNow.AddHours(1));
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"{blob.Uri}?comp=blocklist&blocklisttype=committed&{sas}"));
        request.Headers.Add("x-ms-version", AccountSas.Version);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Get Block List answered {(int)response.StatusCode}: {body}");
        return XDocument.Parse(body).Descendants("CommittedBlocks").Elements("Block")
            .Select(block => long.Parse(block.Element("Size")!.Value, System.Globalization.CultureInfo.InvariantCulture))
            .ToArray();
    }

    /// <summary>
    /// Counts the Put Block requests and the most in flight at once. Each waits until <paramref name="overlap"/> are in
    /// flight together, so the overlap does not hang on how soon a busy machine sends the next one; the wait is bounded so
    /// that an uploader that sends blocks one by one fails the assertion on <see cref="MostInFlight"/> rather than hanging.
    /// </summary>
    private sealed class PutBlockOverlap(int overlap) : HttpPipelinePolicy
    {
        private readonly TaskCompletionSource overlapped = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int count;
        private int inFlight;
        private int mostInFlight;

        public int Count => count;

        public int MostInFlight => mostInFlight;

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (!message.Request.Uri.ToString().Contains("comp=block&", StringComparison.Ordinal))
            {
                await ProcessNextAsync(message, pipeline);
                return;
            }

            Interlocked.Increment(ref count);
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref mostInFlight, now);
            if (now >= overlap)
            {
                overlapped.TrySetResult();
            }

            try
            {
                await Task.WhenAny(overlapped.Task, Task.Delay(TimeSpan.FromSeconds(10), message.CancellationToken));
                await ProcessNextAsync(message, pipeline);
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
            }
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("The uploads under test are async.");

        private static void InterlockedMax(ref int target, int value)
        {
            int current;
            while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
            {
            }
        }
    }

    /// <summary>A stream that reads once, front to back, like a pipe: no length, no seeking.</summary>
    private sealed class ForwardOnlyStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    }

    /// <summary>A stream whose bytes change once it is rewound after being read to its end: a file rewritten during its upload.</summary>
    private sealed class ChangingStream(byte[] bytes) : MemoryStream(bytes, 0, bytes.Length, writable: true, publiclyVisible: true)
    {
        private bool readToEnd;

        public override long Position
        {
            get => base.Position;
            set
            {
                if (readToEnd && value == 0)
                {
                    GetBuffer()[0] ^= 0xFF;
                }

                base.Position = value;
            }
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = base.ReadAsync(buffer, cancellationToken);
            readToEnd |= base.Position == Length;
            return read;
        }
    }
}
