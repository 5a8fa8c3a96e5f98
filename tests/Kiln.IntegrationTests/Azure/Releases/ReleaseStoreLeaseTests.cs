using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Kiln.Azure;
using Kiln.Azure.Releases;

namespace Kiln.IntegrationTests.Azure.Releases;

/// <summary>A deploy whose lease renewal fails, in each way Azure.Core can fail a call: it stops before the pointer moves.</summary>
public sealed class ReleaseStoreLeaseTests(AzuriteAccount azurite) : IClassFixture<AzuriteAccount>, IAsyncLifetime
{
    private readonly ScratchContainers containers = new(azurite);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => containers.DeleteAllAsync();

    [Theory]
    [InlineData(RenewalFailure.RetriesExhausted)]
    [InlineData(RenewalFailure.TimedOut)]
    [InlineData(RenewalFailure.ConnectionReset)]
    [InlineData(RenewalFailure.NoAnswer)]
    public async Task A_renewal_that_fails_marks_the_lease_lost_and_stops_the_deploy_before_the_pointer_moves(RenewalFailure failure)
    {
        var fault = new RenewalFault(failure);
        var options = new BlobClientOptions();
        options.AddPolicy(fault, HttpPipelinePosition.PerCall);
        var container = containers.New("lease-lost", options);
        var store = new ReleaseStore(container, "kiln");
        await store.DeployAsync(ReleaseStoreTests.Bundle("1.0.0", "one"), "staging");
        fault.Armed = true;

        // The shortest lease (renewed every 5 s); the deploy waits at the pointer until a renewal has failed.
        var failing = new ReleaseStore(container, "kiln", new ReleaseStoreOptions
        {
            LeaseDuration = TimeSpan.FromSeconds(15),
            BeforePointerWrite = async token =>
            {
                await fault.Failed.WaitAsync(TimeSpan.FromSeconds(30), token);
                await Task.Delay(TimeSpan.FromSeconds(5), token);
            },
        });

        var stopped = await Assert.ThrowsAsync<ReleaseStoreException>(() => failing.DeployAsync(ReleaseStoreTests.Bundle("2.0.0", "two"), "staging"));

        Assert.Contains("lease lost", stopped.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', stopped.Message);
        Assert.Equal("1.0.0", (await store.GetPointerAsync("staging"))!.Version);
        Assert.Equal(["1.0.0"], (await store.GetHistoryAsync("staging")).Select(entry => entry.Version));
        await store.VerifyAsync("1.0.0");
    }

    /// <summary>How the renewal fails.</summary>
    public enum RenewalFailure
    {
        /// <summary>Azure.Core's retries gave up: an AggregateException of the tries' failures.</summary>
        RetriesExhausted,

        /// <summary>A try outlasted the network timeout: TaskCanceledException.</summary>
        TimedOut,

        /// <summary>Something other than the storage's answer: an IOException.</summary>
        ConnectionReset,

        /// <summary>No answer at all until the caller gives up.</summary>
        NoAnswer,
    }

    /// <summary>Fails every Renew Lease request once armed; the other requests pass.</summary>
    private sealed class RenewalFault(RenewalFailure failure) : HttpPipelinePolicy
    {
        private readonly TaskCompletionSource failed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Armed { get; set; }

        /// <summary>Completes once a renewal has failed (for no answer: once the caller gave up waiting).</summary>
        public Task Failed => failed.Task;

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (!Armed || !message.Request.Headers.TryGetValue("x-ms-lease-action", out var action) || action != "renew")
            {
                await ProcessNextAsync(message, pipeline);
                return;
            }

            try
            {
                switch (failure)
                {
                    case RenewalFailure.RetriesExhausted:
                        throw new AggregateException(new RequestFailedException("Connection reset by peer."), new RequestFailedException("Connection reset by peer."));
                    case RenewalFailure.TimedOut:
                        throw new TaskCanceledException("The operation was cancelled because it exceeded the configured timeout of 0:01:40.");
                    case RenewalFailure.ConnectionReset:
                        throw new IOException("Connection reset by peer.");
                    default:
                        await Task.Delay(Timeout.Infinite, message.CancellationToken);
                        break;
                }
            }
            finally
            {
                failed.TrySetResult();
            }
        }
    }
}
