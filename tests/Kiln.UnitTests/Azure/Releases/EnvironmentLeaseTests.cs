using System.Net;
using Kiln.Azure;
using Kiln.Azure.Releases;

namespace Kiln.UnitTests.Azure.Releases;

/// <summary>The background renewal of an environment's lease, against a fake Blob service.</summary>
public sealed class EnvironmentLeaseTests
{
    [Fact]
    public async Task A_renewal_the_storage_cuts_off_while_the_lease_is_disposed_does_not_escape_the_dispose()
    {
        using var renewing = new ManualResetEventSlim();
        using var answered = new ManualResetEventSlim();
        var service = new FakeBlobService
        {
            Route = request =>
            {
                if (request.Header("x-ms-lease-action") == "renew")
                {
                    // The storage fails the renewal, and its answer arrives only after the operation ended.
                    renewing.Set();
                    answered.Wait(TimeSpan.FromSeconds(30));
                    return new HttpResponseMessage(HttpStatusCode.InternalServerError) { Content = new ByteArrayContent([]) };
                }

                var answer = new HttpResponseMessage(HttpStatusCode.Created) { Content = new ByteArrayContent([]) };
                answer.Headers.TryAddWithoutValidation("ETag", "\"0x1\"");
                answer.Headers.TryAddWithoutValidation("x-ms-lease-id", request.Header("x-ms-proposed-lease-id") ?? "lease");
                answer.Content.Headers.TryAddWithoutValidation("Last-Modified", "Sat, 05 Dec 2026 05:00:00 GMT");
                return answer;
            },
        };
        var options = service.Options();
        options.Retry.MaxRetries = 0;
        var pointer = new BlobServiceClient(new Uri("http://127.0.0.1:10000/devstoreaccount1"), new StorageSharedKeyCredential("devstoreaccount1", SharedKeySignatureTests.DevelopmentKey), options)
            .GetBlobContainerClient("releases")
            .GetBlobClient("environments/test/current.json");
        var lease = await EnvironmentLease.AcquireAsync(pointer, "test", new ReleaseStoreOptions { LeaseDuration = TimeSpan.FromSeconds(15) }, CancellationToken.None);
        Assert.True(renewing.Wait(TimeSpan.FromSeconds(30)), "The lease was never renewed.");

        var disposing = lease.DisposeAsync().AsTask();
        answered.Set();
        await disposing.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(disposing.IsCompletedSuccessfully);
        Assert.False(lease.Lost);
    }
}
