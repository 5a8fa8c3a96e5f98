using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kiln.Azure;
using Kiln.Azure.Releases;
using Kiln.Services;

namespace Kiln.IntegrationTests.Azure.Releases;

/// <summary>A deploy whose storage dies in the middle: an Azurite of the test's own, with its data in the test's folder, killed and started again.</summary>
public sealed class ReleaseStoreInterruptionTests : IAsyncLifetime
{
    private const int FileCount = 40;
    private const int KilledAtFile = 15;

    private readonly AbsolutePath dataFolder = AbsolutePath.Create(Directory.CreateTempSubdirectory("kiln-release-interrupted-").FullName);
    private readonly List<Azurite> started = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var azurite in started)
        {
            await azurite.DisposeAsync();
        }

        Directory.Delete(dataFolder, recursive: true);
    }

    [Fact]
    public async Task A_deploy_cut_off_by_the_storage_dying_fails_cleanly_and_a_rerun_finishes_without_uploading_what_verified()
    {
        var first = await StartAzuriteAsync();
        await Store(first, null).DeployAsync(ReleaseStoreTests.Bundle("1.0.0", "one"), "staging");
        var uploadsStarted = 0;
        string? lastUploaded = null;
        var interrupted = Store(first, async (path, _) =>
        {
            if (Interlocked.Increment(ref uploadsStarted) == KilledAtFile)
            {
                // Azurite keeps its metadata in memory and saves it to disk now and then: wait until the save holds the
                // last file uploaded, so that what it stored before the crash is durable, as it is in Azure Storage.
                // Then kill it (SIGKILL) in the middle of the deploy.
                await WaitUntilOnDiskAsync(lastUploaded!);
                using (var process = Process.GetProcessById(first.ProcessId))
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync(CancellationToken.None);
                }

                await first.StopAsync();
            }

            lastUploaded = path;
        });

        var failure = await Assert.ThrowsAsync<ReleaseStoreException>(() => interrupted.DeployAsync(LargeBundle(), "staging"));

        Assert.Contains("stopped", failure.Message, StringComparison.Ordinal);
        // The storage's death shows first either in an upload or in the lease's renewal (every 5 s here): both stop the
        // deploy in one line that says to run it again.
        Assert.Matches("run (it )?again", failure.Message);
        var second = await StartAzuriteAsync();
        var store = Store(second, null);
        Assert.Equal("1.0.0", (await store.GetPointerAsync("staging"))!.Version);
        Assert.Null(await store.GetManifestAsync("2.0.0"));

        var rerun = await store.DeployAsync(LargeBundle(), "staging");

        Assert.Equal(KilledAtFile - 1, rerun.AlreadyPresent);
        Assert.Equal(FileCount - (KilledAtFile - 1), rerun.Transferred);
        Assert.Equal(("2.0.0", "1.0.0"), (rerun.Version, rerun.PreviousVersion));
        await store.VerifyAsync("2.0.0");
        Assert.Equal(["1.0.0", "2.0.0"], (await store.GetHistoryAsync("staging")).Select(entry => entry.Version));
    }

    private static ReleaseBundle LargeBundle()
    {
        var bundle = new ReleaseBundle("2.0.0");
        for (var index = 0; index < FileCount; index++)
        {
            var content = new byte[64 * 1024];
            new Random(index).NextBytes(content);
            bundle.AddContent($"files/{index:D3}.bin", content);
        }

        return bundle;
    }

    private static ReleaseStore Store(Azurite azurite, Func<string, CancellationToken, Task>? beforeUpload)
    {
        var options = new BlobClientOptions();
        options.Retry.MaxRetries = 1;
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        var container = new BlobServiceClient(azurite.ConnectionString, options).GetBlobContainerClient("interrupted");

        // One file at a time, so that the kill comes after exactly KilledAtFile - 1 uploads; the shortest lease, since
        // the killed deploy cannot release its own.
        return new ReleaseStore(container, "kiln", new ReleaseStoreOptions
        {
            Concurrency = 1,
            LeaseDuration = TimeSpan.FromSeconds(15),
            LeaseWaitTime = TimeSpan.FromSeconds(40),
            LeaseRetryInterval = TimeSpan.FromMilliseconds(500),
            BeforeUpload = beforeUpload,
        });
    }

    /// <summary>
    /// Waits, a minute at most, until Azurite's saved metadata (written whole, then renamed into place) holds the blob
    /// of the release file and its saved extents hold the blob's content. A save is a snapshot, so it holds every
    /// upload that finished before this one too.
    /// </summary>
    private async Task WaitUntilOnDiskAsync(string releasePath)
    {
        var deadline = Stopwatch.StartNew();
        while (!IsOnDisk(releasePath))
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromMinutes(1), $"Azurite did not save {releasePath} to {dataFolder} within a minute.");
            await Task.Delay(TimeSpan.FromMilliseconds(100), CancellationToken.None);
        }
    }

    private bool IsOnDisk(string releasePath)
    {
        try
        {
            var blobs = JsonNode.Parse(File.ReadAllText(dataFolder / "__azurite_db_blob__.json"));
            var extents = File.ReadAllText(dataFolder / "__azurite_db_blob_extent__.json");
            var extentIds = blobs?["collections"]?.AsArray()
                .Where(collection => (string?)collection?["name"] == "$BLOBS_COLLECTION$")
                .SelectMany(collection => collection!["data"]!.AsArray())
                .Where(blob => ((string?)blob?["name"])?.EndsWith("/" + releasePath, StringComparison.Ordinal) == true)
                .SelectMany(blob => ExtentIds(blob!))
                .ToList() ?? [];
            return extentIds.Count > 0 && extentIds.All(id => extents.Contains($"\"{id}\"", StringComparison.Ordinal));
        }
        catch (Exception exception) when (exception is FileNotFoundException or JsonException)
        {
            return false;
        }
    }

    /// <summary>The extents that hold a blob's content: the ids of every "persistency" in its metadata.</summary>
    private static IEnumerable<string> ExtentIds(JsonNode node) => node switch
    {
        JsonObject item => item.SelectMany(property => property.Key == "persistency" && property.Value?["id"] is JsonValue id
            ? [(string)id!]
            : property.Value is null ? [] : ExtentIds(property.Value)),
        JsonArray items => items.Where(item => item is not null).SelectMany(item => ExtentIds(item!)),
        _ => [],
    };

    private async Task<Azurite> StartAzuriteAsync()
    {
        var azurite = await Azurite.StartAsync(AbsolutePath.Create(NodeTools.Folder), dataFolder);
        started.Add(azurite);
        return azurite;
    }
}
