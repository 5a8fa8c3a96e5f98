using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Azure;
using Kiln.Azure;
using Kiln.Azure.Models;
using Kiln.Azure.Releases;

namespace Kiln.IntegrationTests.Azure.Releases;

/// <summary>The release store against a real Azurite: deploy, redeploy, immutability, promote, rollback, verification, the pointer's ETag and the lease.</summary>
public sealed class ReleaseStoreTests(AzuriteAccount azurite) : IClassFixture<AzuriteAccount>, IAsyncLifetime
{
    private readonly ScratchContainers containers = new(azurite);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => containers.DeleteAllAsync();

    [Fact]
    public async Task Deploy_uploads_the_release_verifies_it_and_points_the_environment_at_it()
    {
        var store = Store("deploy");

        var result = await store.DeployAsync(Bundle("1.0.0", "one"), "staging", new ReleaseOrigin("abc123", new Uri("https://github.com/o/r/actions/runs/1")));

        Assert.True(result.PointerMoved);
        Assert.Equal(3, result.Transferred);
        Assert.Equal(0, result.AlreadyPresent);
        Assert.Null(result.PreviousVersion);
        Assert.EndsWith("/kiln/releases/1.0.0/", result.ReleaseUri.AbsoluteUri, StringComparison.Ordinal);
        var pointer = await store.GetPointerAsync("staging");
        Assert.Equal(("1.0.0", "deploy", "abc123"), (pointer!.Version, pointer.Action, pointer.Commit));
        Assert.Equal("https://github.com/o/r/actions/runs/1", pointer.Run!.AbsoluteUri);
        var manifest = await store.GetManifestAsync("1.0.0");
        Assert.Equal(["notes.md", "packages/a.nupkg", "packages/b.nupkg"], manifest!.Files.Select(file => file.Path));
        await store.VerifyAsync("1.0.0");
        Assert.Single(await store.GetHistoryAsync("staging"));
    }

    [Fact]
    public async Task Deploying_the_same_release_again_uploads_nothing_and_leaves_the_pointer_and_history()
    {
        var store = Store("again");
        await store.DeployAsync(Bundle("1.0.0", "one"), "staging");
        var etag = (await store.Container.GetBlobClient("kiln/environments/staging/current.json").GetPropertiesAsync()).Value.ETag;

        var again = await store.DeployAsync(Bundle("1.0.0", "one"), "staging");

        Assert.False(again.PointerMoved);
        Assert.Equal(0, again.Transferred);
        Assert.Equal(0, again.TransferredBytes);
        Assert.Equal(3, again.AlreadyPresent);
        Assert.Equal(etag, (await store.Container.GetBlobClient("kiln/environments/staging/current.json").GetPropertiesAsync()).Value.ETag);
        Assert.Single(await store.GetHistoryAsync("staging"));
    }

    [Fact]
    public async Task A_version_deployed_again_with_other_content_is_refused_and_the_pointer_stays()
    {
        var store = Store("immutable");
        await store.DeployAsync(Bundle("1.0.0", "one"), "staging");

        var refusal = await Assert.ThrowsAsync<ReleaseStoreException>(() => store.DeployAsync(Bundle("1.0.0", "changed"), "staging"));

        Assert.Contains("Release 1.0.0 already exists", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("new version", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("differs", refusal.Message, StringComparison.Ordinal);
        await store.VerifyAsync("1.0.0");
        Assert.Equal("1.0.0", (await store.GetPointerAsync("staging"))!.Version);
    }

    [Fact]
    public async Task Promote_within_one_container_verifies_and_moves_the_pointer_without_copying()
    {
        var store = Store("promote-same");
        await store.DeployAsync(Bundle("1.0.0", "one"), "staging");

        var result = await store.PromoteAsync(store, "staging", "production", new ReleaseOrigin("abc", null));

        Assert.True(result.PointerMoved);
        Assert.Equal(0, result.Transferred);
        var pointer = await store.GetPointerAsync("production");
        Assert.Equal(("1.0.0", "promote"), (pointer!.Version, pointer.Action));
    }

    [Fact]
    public async Task Promote_to_another_container_copies_the_verified_bytes_on_the_server()
    {
        var staging = Store("promote-from");
        var production = Store("promote-to");
        await staging.DeployAsync(Bundle("1.0.0", "one"), "staging");

        var result = await production.PromoteAsync(staging, "staging", "production");
        var again = await production.PromoteAsync(staging, "staging", "production");

        Assert.Equal(3, result.Transferred);
        Assert.Equal(0, again.Transferred);
        Assert.False(again.PointerMoved);
        Assert.Equal((await staging.GetManifestAsync("1.0.0"))!.ToJson(), (await production.GetManifestAsync("1.0.0"))!.ToJson());
        await production.VerifyAsync("1.0.0");
        Assert.Equal("1.0.0", (await production.GetPointerAsync("production"))!.Version);
    }

    [Fact]
    public async Task Promote_from_an_environment_without_a_release_is_refused()
    {
        var store = Store("promote-none");

        var refusal = await Assert.ThrowsAsync<ReleaseStoreException>(() => store.PromoteAsync(store, "staging", "production"));

        Assert.Contains("'staging' has no release yet", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deploy_records_the_git_ref_and_commit_in_the_manifest()
    {
        var store = Store("manifest-origin");

        await store.DeployAsync(Bundle("1.0.0", "one"), "staging", new ReleaseOrigin("abc123", null) { GitRef = "refs/tags/v1.0.0" });

        var manifest = (await store.GetManifestAsync("1.0.0"))!;
        Assert.Equal(("refs/tags/v1.0.0", "abc123"), (manifest.GitRef, manifest.Commit));
    }

    [Fact]
    public async Task Promote_refuses_a_release_built_from_a_ref_the_target_environment_does_not_take()
    {
        var store = Store("promote-ref");
        await store.DeployAsync(Bundle("1.1.0-feature.1", "one"), "staging", new ReleaseOrigin("abc", null) { GitRef = "refs/heads/feature/login" });

        var refusal = await Assert.ThrowsAsync<ReleaseStoreException>(() => store.PromoteAsync(store, "staging", "production", allowedRefs: ["refs/tags/v*"]));

        Assert.Contains("was built from refs/heads/feature/login, and 'production' takes only refs/tags/v*", refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refusal.Message);
        Assert.Null(await store.GetPointerAsync("production"));
        Assert.Empty(await store.GetHistoryAsync("production"));
    }

    [Fact]
    public async Task Promote_takes_a_release_built_from_a_ref_the_target_environment_takes()
    {
        var store = Store("promote-tag");
        await store.DeployAsync(Bundle("1.1.0", "one"), "staging", new ReleaseOrigin("abc", null) { GitRef = "refs/tags/v1.1.0" });

        var result = await store.PromoteAsync(store, "staging", "production", allowedRefs: ["refs/tags/v*"]);

        Assert.True(result.PointerMoved);
        Assert.Equal("1.1.0", (await store.GetPointerAsync("production"))!.Version);
        await store.VerifyAsync("1.1.0");
    }

    [Fact]
    public async Task Promote_refuses_a_release_that_records_no_ref_when_the_target_environment_takes_only_some()
    {
        var store = Store("promote-no-ref");
        await store.DeployAsync(Bundle("1.0.0", "one"), "staging");

        var refusal = await Assert.ThrowsAsync<ReleaseStoreException>(() => store.PromoteAsync(store, "staging", "production", allowedRefs: ["refs/tags/v*"]));

        Assert.Contains("records no git ref", refusal.Message, StringComparison.Ordinal);
        Assert.Null(await store.GetPointerAsync("production"));
    }

    [Fact]
    public async Task Promote_is_refused_when_the_source_environment_moves_while_its_release_is_copied()
    {
        var staging = Store("promote-moving-from");
        await staging.DeployAsync(Bundle("1.0.0", "one"), "staging");
        await staging.DeployAsync(Bundle("1.1.0", "two"), "staging");
        var rolledBack = 0;
        var production = new ReleaseStore(containers.New("promote-moving-to"), "kiln", new ReleaseStoreOptions
        {
            // While 1.1.0 is copied, staging is rolled back from it (it turned out bad there).
            BeforeUpload = async (_, token) =>
            {
                if (Interlocked.Increment(ref rolledBack) == 1)
                {
                    await staging.RollbackAsync("staging", cancellationToken: token);
                }
            },
        });

        var refusal = await Assert.ThrowsAsync<ReleaseStoreException>(() => production.PromoteAsync(staging, "staging", "production"));

        Assert.Contains("'staging' moved from 1.1.0 to 1.0.0 while 1.1.0 was promoted to 'production'", refusal.Message, StringComparison.Ordinal);
        Assert.Null(await production.GetPointerAsync("production"));
        Assert.Equal("1.0.0", (await staging.GetPointerAsync("staging"))!.Version);
    }

    [Fact]
    public async Task Rollback_to_a_version_the_environment_never_ran_is_refused_even_when_the_release_exists()
    {
        var store = Store("rollback-unserved");
        await store.DeployAsync(Bundle("1.0.0", "one"), "production");
        await store.DeployAsync(Bundle("1.1.0-beta.1", "beta"), "development");
        await store.DeployAsync(Bundle("1.1.0", "two"), "production");

        var refusal = await Assert.ThrowsAsync<ReleaseStoreException>(() => store.RollbackAsync("production", "1.1.0-beta.1"));

        Assert.Contains("'production' never ran 1.1.0-beta.1 (its history has 1.0.0, 1.1.0)", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("--allow-unserved", refusal.Message, StringComparison.Ordinal);
        Assert.Equal("1.1.0", (await store.GetPointerAsync("production"))!.Version);
        Assert.Equal(2, (await store.GetHistoryAsync("production")).Count);
    }

    [Fact]
    public async Task Rollback_to_a_version_the_environment_never_ran_goes_ahead_when_allowed_explicitly()
    {
        var store = Store("rollback-allowed");
        await store.DeployAsync(Bundle("1.0.0", "one"), "production");
        await store.DeployAsync(Bundle("1.0.1", "fix"), "development");

        var result = await store.RollbackAsync("production", "1.0.1", allowUnserved: true);

        Assert.Equal(("1.0.1", "1.0.0"), (result.Version, result.PreviousVersion));
        Assert.Equal(["deploy 1.0.0", "rollback 1.0.1"], (await store.GetHistoryAsync("production")).Select(entry => $"{entry.Action} {entry.Version}"));
    }

    [Fact]
    public async Task Rollback_returns_to_the_previous_release_and_records_it_in_the_history()
    {
        var store = Store("rollback");
        await store.DeployAsync(Bundle("1.0.0", "one"), "production");
        await store.DeployAsync(Bundle("1.1.0", "two"), "production");

        var result = await store.RollbackAsync("production");

        Assert.Equal(("1.0.0", "1.1.0"), (result.Version, result.PreviousVersion));
        var pointer = await store.GetPointerAsync("production");
        Assert.Equal(("1.0.0", "rollback", "1.1.0"), (pointer!.Version, pointer.Action, pointer.PreviousVersion));
        Assert.Equal(["deploy 1.0.0", "deploy 1.1.0", "rollback 1.0.0"], (await store.GetHistoryAsync("production")).Select(entry => $"{entry.Action} {entry.Version}"));
    }

    [Fact]
    public async Task Rollback_to_a_named_version_moves_the_pointer_there()
    {
        var store = Store("rollback-named");
        await store.DeployAsync(Bundle("1.0.0", "one"), "production");
        await store.DeployAsync(Bundle("1.1.0", "two"), "production");
        await store.DeployAsync(Bundle("1.2.0", "three"), "production");

        var result = await store.RollbackAsync("production", "1.0.0");

        Assert.Equal(("1.0.0", "1.2.0"), (result.Version, result.PreviousVersion));
        Assert.Equal("1.0.0", (await store.GetPointerAsync("production"))!.Version);
    }

    [Fact]
    public async Task Rollback_to_a_version_that_was_never_deployed_is_refused_and_the_pointer_stays()
    {
        var store = Store("rollback-missing");
        await store.DeployAsync(Bundle("1.0.0", "one"), "production");

        var refusal = await Assert.ThrowsAsync<ReleaseStoreException>(() => store.RollbackAsync("production", "0.9.0"));
        var nothingBefore = await Assert.ThrowsAsync<ReleaseStoreException>(() => store.RollbackAsync("production"));

        Assert.Contains("'production' never ran 0.9.0", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("no previous version", nothingBefore.Message, StringComparison.Ordinal);
        Assert.Equal("1.0.0", (await store.GetPointerAsync("production"))!.Version);
    }

    [Fact]
    public async Task A_blob_corrupted_after_upload_is_caught_by_verification_and_the_pointer_stays()
    {
        var store = Store("corrupt");
        await store.DeployAsync(Bundle("1.0.0", "one"), "staging");
        await store.DeployAsync(Bundle("1.1.0", "two"), "staging");
        var blob = store.Container.GetBlobClient("kiln/releases/1.0.0/packages/a.nupkg");

        // Someone rewrites a released file: its recorded SHA-256 changes with it, so the listing's check catches it.
        await blob.UploadAsync(BinaryData.FromString("tampered"));
        var redeploy = await Assert.ThrowsAsync<ReleaseVerificationException>(() => store.DeployAsync(Bundle("1.0.0", "one"), "staging"));

        // Worse: the bytes change and the metadata keeps the old SHA-256; only reading the bytes catches that.
        var original = (await store.GetManifestAsync("1.0.0"))!.Files.Single(file => file.Path == "packages/a.nupkg");
        var forged = store.Container.GetBlobClient("kiln/forged");
        await forged.UploadAsync(BinaryData.FromBytes(Encoding.UTF8.GetBytes(new string('x', (int)original.Length))));
        var copy = await blob.StartCopyFromUriAsync(forged.Uri, new BlobCopyFromUriOptions { Metadata = new Dictionary<string, string> { ["sha256"] = original.Sha256 } });
        await copy.WaitForCompletionAsync();
        var rollback = await Assert.ThrowsAsync<ReleaseVerificationException>(() => store.RollbackAsync("staging"));
        var deployToAnother = await Assert.ThrowsAsync<ReleaseVerificationException>(() => store.DeployAsync(Bundle("1.0.0", "one"), "test"));

        Assert.Contains("packages/a.nupkg has", redeploy.Message, StringComparison.Ordinal);
        Assert.Contains("pointer of 'staging' was not moved", redeploy.Message, StringComparison.Ordinal);
        Assert.Contains("packages/a.nupkg has", rollback.Message, StringComparison.Ordinal);
        Assert.Contains("failed verification", rollback.Message, StringComparison.Ordinal);
        Assert.Contains("pointer of 'test' was not moved", deployToAnother.Message, StringComparison.Ordinal);
        Assert.Equal("1.1.0", (await store.GetPointerAsync("staging"))!.Version);
        Assert.Null(await store.GetPointerAsync("test"));
    }

    [Fact]
    public async Task The_same_version_with_other_bytes_deployed_to_another_environment_at_once_is_refused_and_the_first_still_verifies()
    {
        var container = containers.New("same-version");
        var secondListed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // The second deploy finds no manifest and no files, then uploads only once the first has finished.
        var first = new ReleaseStore(container, "kiln", new ReleaseStoreOptions { BeforeUpload = (_, token) => secondListed.Task.WaitAsync(token) });
        var second = new ReleaseStore(container, "kiln", new ReleaseStoreOptions
        {
            BeforeUpload = async (_, token) =>
            {
                secondListed.TrySetResult();
                await firstDone.Task.WaitAsync(token);
            },
        });

        var late = second.DeployAsync(Bundle("3.0.0", "other"), "staging");
        await first.DeployAsync(Bundle("3.0.0", "one"), "test").WaitAsync(TimeSpan.FromSeconds(60));
        firstDone.SetResult();
        var refusal = await Assert.ThrowsAsync<ReleaseStoreException>(() => late);

        Assert.Contains("Release 3.0.0 already exists with other content: a version is built once; promote it instead", refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refusal.Message);
        await first.VerifyAsync("3.0.0");
        Assert.Equal("a one", (await container.GetBlobClient("kiln/releases/3.0.0/packages/a.nupkg").DownloadContentAsync()).Value.Content.ToString());
        Assert.Equal("3.0.0", (await first.GetPointerAsync("test"))!.Version);
        Assert.Null(await first.GetPointerAsync("staging"));
        Assert.Empty(await first.GetHistoryAsync("staging"));
    }

    [Fact]
    public async Task A_reused_file_whose_bytes_changed_under_its_metadata_is_caught_before_the_pointer_moves()
    {
        var container = containers.New("reused");
        var store = new ReleaseStore(container, "kiln");
        await store.DeployAsync(Bundle("1.0.0", "one"), "staging");
        var uploads = 0;
        var interrupted = new ReleaseStore(container, "kiln", new ReleaseStoreOptions
        {
            // One file at a time, in path order: notes.md and packages/a.nupkg are uploaded, then the storage goes away.
            Concurrency = 1,
            BeforeUpload = (_, _) => Interlocked.Increment(ref uploads) == 3 ? throw new RequestFailedException(503, "The storage went away.") : Task.CompletedTask,
        });
        await Assert.ThrowsAsync<ReleaseStoreException>(() => interrupted.DeployAsync(Bundle("1.1.0", "two"), "staging"));
        var blob = container.GetBlobClient("kiln/releases/1.1.0/packages/a.nupkg");
        var uploaded = (await blob.GetPropertiesAsync()).Value;
        var forged = container.GetBlobClient("kiln/forged");
        await forged.UploadAsync(BinaryData.FromBytes(Encoding.UTF8.GetBytes(new string('x', (int)uploaded.ContentLength))));
        var copy = await blob.StartCopyFromUriAsync(forged.Uri, new BlobCopyFromUriOptions { Metadata = new Dictionary<string, string> { ["sha256"] = uploaded.Sha256! } });
        await copy.WaitForCompletionAsync();

        var refusal = await Assert.ThrowsAsync<ReleaseVerificationException>(() => store.DeployAsync(Bundle("1.1.0", "two"), "staging"));

        Assert.Contains("packages/a.nupkg has", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("the pointer of 'staging' was not moved", refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refusal.Message);
        Assert.Equal("1.0.0", (await store.GetPointerAsync("staging"))!.Version);
        Assert.Equal(["1.0.0"], (await store.GetHistoryAsync("staging")).Select(entry => entry.Version));
    }

    [Fact]
    public async Task A_writer_without_the_environments_lease_cannot_move_the_pointer_while_a_deploy_holds_it()
    {
        var container = containers.New("unleased");
        await new ReleaseStore(container, "kiln").DeployAsync(Bundle("1.0.0", "one"), "staging");
        RequestFailedException? intruderRefused = null;
        var store = new ReleaseStore(container, "kiln", new ReleaseStoreOptions
        {
            BeforePointerWrite = async token => intruderRefused = await Assert.ThrowsAsync<RequestFailedException>(() =>
                container.GetBlobClient("kiln/environments/staging/current.json").UploadAsync(BinaryData.FromBytes(
                    new EnvironmentPointer("staging", "9.9.9", "deploy", DateTimeOffset.UtcNow, null, null, "1.0.0").ToJson()), cancellationToken: token)),
        });

        var result = await store.DeployAsync(Bundle("2.0.0", "two"), "staging");

        Assert.Equal(412, intruderRefused!.Status);
        Assert.Equal(("2.0.0", "1.0.0"), (result.Version, result.PreviousVersion));
        Assert.Equal(["1.0.0", "2.0.0"], (await store.GetHistoryAsync("staging")).Select(entry => entry.Version));
        await store.VerifyAsync("2.0.0");
    }

    [Fact]
    public async Task A_holder_whose_lease_lapsed_and_was_taken_is_refused_at_the_pointer_write_and_the_other_move_stands()
    {
        var container = containers.New("lapsed");
        var other = new ReleaseStore(container, "kiln");
        await other.DeployAsync(Bundle("1.0.0", "one"), "staging");
        var store = new ReleaseStore(container, "kiln", new ReleaseStoreOptions
        {
            // Between this run's read and its write, its lease ends (broken, as an expired one would be) and another
            // deploy takes the environment and moves the pointer.
            BeforePointerWrite = async token =>
            {
                await container.GetBlobClient("kiln/environments/staging/current.json").GetBlobLeaseClient().BreakAsync(TimeSpan.Zero, cancellationToken: token);
                await other.DeployAsync(Bundle("9.9.9", "nine"), "staging", cancellationToken: token);
            },
        });

        var refusal = await Assert.ThrowsAsync<ReleaseStoreException>(() => store.DeployAsync(Bundle("2.0.0", "two"), "staging"));

        Assert.Contains("not overwritten", refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refusal.Message);
        Assert.Equal(("9.9.9", "1.0.0"), ((await store.GetPointerAsync("staging"))!.Version, (await store.GetPointerAsync("staging"))!.PreviousVersion));
        Assert.Equal(["1.0.0", "9.9.9"], (await store.GetHistoryAsync("staging")).Select(entry => entry.Version));
        await store.VerifyAsync("9.9.9");
    }

    [Fact]
    public async Task Before_the_first_move_the_pointer_is_an_empty_blob_that_reads_as_no_release()
    {
        var container = containers.New("first");
        var failing = new ReleaseStore(container, "kiln", new ReleaseStoreOptions { BeforePointerWrite = _ => throw new RequestFailedException(503, "The storage went away.") });
        await Assert.ThrowsAsync<ReleaseStoreException>(() => failing.DeployAsync(Bundle("1.0.0", "one"), "staging"));
        var store = new ReleaseStore(container, "kiln");

        var before = await store.GetPointerAsync("staging");
        var stored = (await container.GetBlobClient("kiln/environments/staging/current.json").GetPropertiesAsync()).Value;
        var result = await store.DeployAsync(Bundle("1.0.0", "one"), "staging");

        Assert.Null(before);
        Assert.Equal(0, stored.ContentLength);
        Assert.Equal(("1.0.0", null, true), (result.Version, result.PreviousVersion, result.PointerMoved));
        Assert.Equal(["1.0.0"], (await store.GetHistoryAsync("staging")).Select(entry => entry.Version));
    }

    [Fact]
    public async Task A_rerun_after_a_deploy_that_stopped_between_pointer_and_history_adds_the_missing_history_entry()
    {
        var azuriteRoot = new Uri(azurite.BlobEndpoint.GetLeftPart(UriPartial.Authority) + "/");
        var historyDown = true;
        await using var proxy = new FaultInjectingProxy(azuriteRoot, (_, request) =>
            Volatile.Read(ref historyDown) && request.HttpMethod == "PUT" && request.Url!.AbsolutePath.Contains("/environments/staging/history/", StringComparison.Ordinal)
                ? HttpStatusCode.InternalServerError
                : null);
        var options = new BlobClientOptions();
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        options.Retry.MaxRetries = 1;
        var name = AzuriteAccount.NewContainerName("history-repair");
        containers.Track(new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(name));
        var store = new ReleaseStore(new BlobServiceClient(Kiln.Azure.Authentication.DevelopmentStorageAccount.ConnectionString(new Uri(proxy.BaseUrl, Kiln.Azure.Authentication.DevelopmentStorageAccount.Name)), options).GetBlobContainerClient(name), "kiln");
        Volatile.Write(ref historyDown, false);
        await store.DeployAsync(Bundle("1.0.0", "one"), "staging");
        Volatile.Write(ref historyDown, true);
        var stopped = await Assert.ThrowsAsync<ReleaseStoreException>(() => store.DeployAsync(Bundle("1.1.0", "two"), "staging"));
        var historyAfterStop = (await store.GetHistoryAsync("staging")).Select(entry => entry.Version).ToList();
        Volatile.Write(ref historyDown, false);

        var rerun = await store.DeployAsync(Bundle("1.1.0", "two"), "staging");

        Assert.Contains("stopped", stopped.Message, StringComparison.Ordinal);
        Assert.Equal(["1.0.0"], historyAfterStop);
        Assert.False(rerun.PointerMoved);
        var pointer = (await store.GetPointerAsync("staging"))!;
        var history = await store.GetHistoryAsync("staging");
        Assert.Equal(["1.0.0", "1.1.0"], history.Select(entry => entry.Version));
        Assert.Equal(pointer, history[^1]);
        await store.VerifyAsync("1.1.0");
    }

    [Fact]
    public async Task Two_deploys_at_once_one_waits_for_the_lease_and_gives_up_and_the_pointer_ends_on_one_complete_release()
    {
        var container = containers.New("concurrent");
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var letGo = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = new ReleaseStore(container, "kiln", new ReleaseStoreOptions
        {
            BeforeUpload = async (_, token) =>
            {
                holding.TrySetResult();
                await letGo.Task.WaitAsync(token);
            },
        });
        var second = new ReleaseStore(container, "kiln", new ReleaseStoreOptions { LeaseWaitTime = TimeSpan.FromSeconds(2), LeaseRetryInterval = TimeSpan.FromMilliseconds(200) });

        var winner = first.DeployAsync(Bundle("1.0.0", "one"), "staging");
        await holding.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var loser = await Assert.ThrowsAsync<ReleaseStoreException>(() => second.DeployAsync(Bundle("2.0.0", "two"), "staging"));
        letGo.SetResult();
        await winner;

        Assert.Contains("holds its lease", loser.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', loser.Message);
        Assert.Equal("1.0.0", (await first.GetPointerAsync("staging"))!.Version);
        await first.VerifyAsync("1.0.0");
        Assert.Null(await first.GetManifestAsync("2.0.0"));
        Assert.Equal(["1.0.0"], (await first.GetHistoryAsync("staging")).Select(entry => entry.Version));
    }

    [Fact]
    public async Task Two_deploys_at_once_with_time_to_wait_run_one_after_the_other_and_every_history_entry_is_whole()
    {
        var container = containers.New("queued");
        var stores = Enumerable.Range(0, 4).Select(_ => new ReleaseStore(container, "kiln", new ReleaseStoreOptions { LeaseRetryInterval = TimeSpan.FromMilliseconds(100) })).ToList();

        await Task.WhenAll(stores.Select((store, index) => store.DeployAsync(Bundle($"1.{index}.0", $"content {index}"), "staging")));

        var history = await stores[0].GetHistoryAsync("staging");
        var pointer = await stores[0].GetPointerAsync("staging");
        Assert.Equal(4, history.Count);
        Assert.Equal(history[^1].Version, pointer!.Version);
        Assert.Null(history[0].PreviousVersion);
        Assert.Equal(history.Take(3).Select(entry => entry.Version), history.Skip(1).Select(entry => entry.PreviousVersion));
        await stores[0].VerifyAsync(pointer.Version);
    }

    [Fact]
    public async Task Transient_500_and_503_answers_are_retried_by_the_pipeline_and_the_deploy_succeeds()
    {
        var azuriteRoot = new Uri(azurite.BlobEndpoint.GetLeftPart(UriPartial.Authority) + "/");
        await using var proxy = new FaultInjectingProxy(azuriteRoot, number => (number % 3) switch
        {
            1 => HttpStatusCode.ServiceUnavailable,
            2 => number % 2 == 0 ? HttpStatusCode.InternalServerError : null,
            _ => null,
        });
        var options = new BlobClientOptions();
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);
        options.Retry.MaxRetries = 5;
        var endpoint = new Uri(proxy.BaseUrl, Kiln.Azure.Authentication.DevelopmentStorageAccount.Name);
        var service = new BlobServiceClient(Kiln.Azure.Authentication.DevelopmentStorageAccount.ConnectionString(endpoint), options);
        var name = AzuriteAccount.NewContainerName("faults");
        containers.Track(new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(name));
        var store = new ReleaseStore(service.GetBlobContainerClient(name), "kiln");

        var result = await store.DeployAsync(Bundle("1.0.0", "one"), "staging");
        var rollback = await store.DeployAsync(Bundle("1.1.0", "two"), "staging");

        Assert.True(result.PointerMoved);
        Assert.True(rollback.PointerMoved);
        Assert.True(proxy.Faults >= 10, $"only {proxy.Faults} faults of {proxy.Requests} requests");
        var direct = new ReleaseStore(new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(name), "kiln");
        await direct.VerifyAsync("1.1.0");
        Assert.Equal(["1.0.0", "1.1.0"], (await direct.GetHistoryAsync("staging")).Select(entry => entry.Version));
    }

    [Fact]
    public async Task Answers_429_with_Retry_After_are_retried_after_the_time_the_storage_asked_for()
    {
        // Every write's first try is throttled: 429 Too Many Requests, Retry-After: 1.
        var throttled = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var azuriteRoot = new Uri(azurite.BlobEndpoint.GetLeftPart(UriPartial.Authority) + "/");
        await using var proxy = new FaultInjectingProxy(
            azuriteRoot,
            (_, request) => request.HttpMethod == "PUT" && throttled.TryAdd(request.Headers["x-ms-client-request-id"] ?? string.Empty, true) ? HttpStatusCode.TooManyRequests : null,
            retryAfter: TimeSpan.FromSeconds(1));
        var options = new BlobClientOptions();
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        var name = AzuriteAccount.NewContainerName("throttled");
        containers.Track(new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(name));
        var store = new ReleaseStore(new BlobServiceClient(Kiln.Azure.Authentication.DevelopmentStorageAccount.ConnectionString(new Uri(proxy.BaseUrl, Kiln.Azure.Authentication.DevelopmentStorageAccount.Name)), options).GetBlobContainerClient(name), "kiln");

        var result = await store.DeployAsync(Bundle("1.0.0", "one"), "staging");

        Assert.True(result.PointerMoved);
        var tries = proxy.Received.GroupBy(request => request.ClientRequestId).Where(group => group.First().Faulted).ToList();
        Assert.True(tries.Count >= 5, $"only {tries.Count} throttled calls");
        Assert.All(tries, group =>
        {
            Assert.Equal(2, group.Count());
            Assert.True(group.Last().At - group.First().At >= TimeSpan.FromSeconds(0.9), $"retried after {(group.Last().At - group.First().At).TotalMilliseconds} ms, not the 1 s the storage asked for");
        });
        var direct = new ReleaseStore(new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(name), "kiln");
        Assert.Equal(["1.0.0"], (await direct.GetHistoryAsync("staging")).Select(entry => entry.Version));
        await direct.VerifyAsync("1.0.0");
    }

    [Fact]
    public async Task Pointer_and_history_writes_the_storage_applied_but_whose_answers_were_lost_count_as_written_on_their_retry()
    {
        // The first try of every pointer and history write reaches Azurite, which applies it; its answer never comes back,
        // so Azure.Core retries, and the retry meets the blob the first try wrote (409 for If-None-Match: *, 412 for If-Match).
        var firstTries = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var azuriteRoot = new Uri(azurite.BlobEndpoint.GetLeftPart(UriPartial.Authority) + "/");
        await using var proxy = new FaultInjectingProxy(azuriteRoot, _ => null, request =>
            request.HttpMethod == "PUT"
            && request.Url!.AbsolutePath.Contains("/kiln/environments/staging/", StringComparison.Ordinal)
            && request.Url.Query.Length == 0
            && request.ContentLength64 > 0
            && firstTries.TryAdd(request.Headers["x-ms-client-request-id"] ?? string.Empty, true));
        var options = new BlobClientOptions();
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        var endpoint = new Uri(proxy.BaseUrl, Kiln.Azure.Authentication.DevelopmentStorageAccount.Name);
        var name = AzuriteAccount.NewContainerName("lost-answers");
        containers.Track(new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(name));
        var store = new ReleaseStore(new BlobServiceClient(Kiln.Azure.Authentication.DevelopmentStorageAccount.ConnectionString(endpoint), options).GetBlobContainerClient(name), "kiln");

        var first = await store.DeployAsync(Bundle("1.0.0", "one"), "staging");
        var second = await store.DeployAsync(Bundle("1.1.0", "two"), "staging");

        Assert.Equal(4, proxy.Dropped);
        Assert.True(first.PointerMoved);
        Assert.Equal(("1.1.0", "1.0.0", true), (second.Version, second.PreviousVersion, second.PointerMoved));
        var direct = new ReleaseStore(new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(name), "kiln");
        Assert.Equal(("1.1.0", "1.0.0"), ((await direct.GetPointerAsync("staging"))!.Version, (await direct.GetPointerAsync("staging"))!.PreviousVersion));
        Assert.Equal(["1.0.0", "1.1.0"], (await direct.GetHistoryAsync("staging")).Select(entry => entry.Version));
        await direct.VerifyAsync("1.1.0");
    }

    [Fact]
    public async Task A_key_the_storage_refuses_stops_the_deploy_with_one_line_that_never_shows_the_key()
    {
        const string WrongKey = "d3Jvbmcga2V5IGZvciB0aGUgZGV2ZWxvcG1lbnQgYWNjb3VudA==";
        var wrong = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={WrongKey};BlobEndpoint={azurite.BlobEndpoint.AbsoluteUri};";
        var store = new ReleaseStore(new BlobServiceClient(wrong).GetBlobContainerClient(AzuriteAccount.NewContainerName("denied")), "kiln");

        var refusal = await Assert.ThrowsAsync<ReleaseStoreException>(() => store.DeployAsync(Bundle("1.0.0", "one"), "staging"));

        Assert.StartsWith("The storage refused the credentials", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("403", refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongKey, refusal.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refusal.Message);
    }

    internal static ReleaseBundle Bundle(string version, string content) => new ReleaseBundle(version)
        .AddContent("packages/a.nupkg", Encoding.UTF8.GetBytes($"a {content}"))
        .AddContent("packages/b.nupkg", Encoding.UTF8.GetBytes($"b {content}"))
        .AddContent("notes.md", Encoding.UTF8.GetBytes($"# {version}\n{content}\n"));

    private ReleaseStore Store(string purpose) => new(containers.New(purpose), "kiln");
}
