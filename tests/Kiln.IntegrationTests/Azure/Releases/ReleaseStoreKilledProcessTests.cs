using System.Diagnostics;
using Kiln.Azure.Releases;

namespace Kiln.IntegrationTests.Azure.Releases;

/// <summary>
/// The deploying process killed (SIGKILL: no cleanup, its lease left to lapse), once after the release is stored and
/// once after the pointer moved but before the history entry: a rerun finishes the job, and every environment then
/// serves a whole, verified release with a whole history.
/// </summary>
public sealed class ReleaseStoreKilledProcessTests(AzuriteAccount azurite) : IClassFixture<AzuriteAccount>, IAsyncLifetime
{
    private readonly ScratchContainers containers = new(azurite);
    private readonly string folder = Directory.CreateTempSubdirectory("kiln-killed-deploy-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await containers.DeleteAllAsync();
        ScratchFolder.Delete(folder);
    }

    [Fact]
    public async Task A_deploy_killed_after_its_uploads_is_finished_by_a_rerun_that_uploads_nothing_again()
    {
        var (store, name) = await DeployedOnceAsync("killed-uploaded");

        await DeployAndKillAtAsync(name, "uploaded");
        var pointerAfterKill = (await store.GetPointerAsync("staging"))!.Version;
        var rerun = await store.DeployAsync(Bundle(), "staging");

        Assert.Equal("1.0.0", pointerAfterKill);
        Assert.Equal((0, 3, true), (rerun.Transferred, rerun.AlreadyPresent, rerun.PointerMoved));
        await AssertWholeAsync(store, ["1.0.0", "2.0.0"]);
    }

    [Fact]
    public async Task A_deploy_killed_after_the_pointer_moved_is_finished_by_a_rerun_that_adds_the_history_entry()
    {
        var (store, name) = await DeployedOnceAsync("killed-pointer");

        await DeployAndKillAtAsync(name, "pointer");
        var pointerAfterKill = (await store.GetPointerAsync("staging"))!.Version;
        var historyAfterKill = (await store.GetHistoryAsync("staging")).Select(entry => entry.Version).ToList();
        var rerun = await store.DeployAsync(Bundle(), "staging");

        Assert.Equal("2.0.0", pointerAfterKill);
        Assert.Equal(["1.0.0"], historyAfterKill);
        Assert.False(rerun.PointerMoved);
        await AssertWholeAsync(store, ["1.0.0", "2.0.0"]);
    }

    private static async Task AssertWholeAsync(ReleaseStore store, string[] history)
    {
        var pointer = (await store.GetPointerAsync("staging"))!;
        var entries = await store.GetHistoryAsync("staging");
        Assert.Equal(history, entries.Select(entry => entry.Version));
        Assert.Equal(pointer, entries[^1]);
        await store.VerifyAsync(pointer.Version);
        await store.VerifyAsync("1.0.0");
    }

    private async Task<(ReleaseStore Store, string Container)> DeployedOnceAsync(string purpose)
    {
        var container = containers.New(purpose);
        var store = new ReleaseStore(container, "kiln", new ReleaseStoreOptions { LeaseRetryInterval = TimeSpan.FromMilliseconds(500) });
        await store.DeployAsync(ReleaseStoreTests.Bundle("1.0.0", "one"), "staging");
        foreach (var (path, content) in new[] { ("a.nupkg", "a two"), ("b.nupkg", "b two"), ("notes.md", "# 2.0.0") })
        {
            await File.WriteAllTextAsync(Path.Combine(folder, path), content);
        }

        return (store, container.Name);
    }

    private ReleaseBundle Bundle() => new ReleaseBundle("2.0.0").AddDirectory("files", folder);

    /// <summary>Runs Kiln.FreezingDeploy until it reports the freeze point, then kills it.</summary>
    private async Task DeployAndKillAtAsync(string container, string point)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Kiln.FreezingDeploy.dll"), container, "staging", "2.0.0", folder, point])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["KILN_TEST_CONNECTION_STRING"] = azurite.ConnectionString;
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            string? line;
            while ((line = await process.StandardOutput.ReadLineAsync(timeout.Token)) is not null && line != $"frozen: {point}")
            {
            }

            if (line is null)
            {
                // Ended on its own: its error output says why (read only now, as it ends only when the process does).
                Assert.Fail($"the deploy ended without reaching '{point}': {await errors}");
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}
