using System.Net;
using Azure;
using Kiln.Azure;
using Kiln.Azure.Models;

namespace Kiln.UnitTests.Azure;

/// <summary>Error responses become one RequestFailedException with the status, the service's code and a safe message.</summary>
public sealed class BlobErrorsTests
{
    private const string Key = SharedKeySignatureTests.DevelopmentKey;

    [Fact]
    public async Task An_error_response_carries_the_status_and_the_x_ms_error_code_and_names_the_operation_and_the_blob()
    {
        var service = new FakeBlobService().RespondError(HttpStatusCode.PreconditionFailed, "ConditionNotMet", "The condition specified using HTTP conditional header(s) is not met.");
        var blob = Blob(service);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() =>
            blob.UploadAsync(BinaryData.FromString("x"), new BlobUploadOptions { Conditions = new BlobRequestConditions { IfMatch = new ETag("\"0x1\"") } }));

        Assert.Equal(412, error.Status);
        Assert.Equal("ConditionNotMet", error.ErrorCode);
        Assert.Equal("Put Blob failed for blob 'releases/app/1.0.0/app.zip': 412 ConditionNotMet (The condition specified using HTTP conditional header(s) is not met.).", error.Message);
    }

    [Fact]
    public async Task The_error_code_comes_from_the_body_when_the_header_is_missing()
    {
        var service = new FakeBlobService().RespondError(HttpStatusCode.Conflict, "BlobAlreadyExists", "The specified blob already exists.", codeHeader: false);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => Blob(service).UploadAsync(BinaryData.FromString("x")));

        Assert.Equal(409, error.Status);
        Assert.Equal("BlobAlreadyExists", error.ErrorCode);
    }

    [Fact]
    public async Task A_head_request_error_without_a_body_still_carries_the_header_code()
    {
        var service = new FakeBlobService().Respond(HttpStatusCode.NotFound, new Dictionary<string, string> { ["x-ms-error-code"] = "BlobNotFound" });

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => Blob(service).GetPropertiesAsync());

        Assert.Equal(404, error.Status);
        Assert.Equal("BlobNotFound", error.ErrorCode);
        Assert.StartsWith("Get Blob Properties failed for blob 'releases/app/1.0.0/app.zip': 404 BlobNotFound", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthenticationFailed_keeps_the_services_message_but_not_its_detail_which_quotes_the_signature()
    {
        var service = new FakeBlobService().RespondError(
            HttpStatusCode.Forbidden,
            "AuthenticationFailed",
            "Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.",
            "<AuthenticationErrorDetail>The MAC signature found in the HTTP request 'bXlzaWduYXR1cmU=' is not the same as any computed signature.</AuthenticationErrorDetail>");

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => Blob(service).DownloadContentAsync());

        Assert.Equal(403, error.Status);
        Assert.Equal("AuthenticationFailed", error.ErrorCode);
        Assert.Contains("Get Blob failed for blob 'releases/app/1.0.0/app.zip': 403 AuthenticationFailed (Server failed to authenticate", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("bXlzaWduYXR1cmU=", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("RequestId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_message_that_quotes_a_SAS_signature_is_redacted()
    {
        var service = new FakeBlobService().RespondError(HttpStatusCode.Forbidden, "AuthorizationFailure", "Signature did not match for https://a/b?sv=1&amp;sig=c2VjcmV0Cg%3D%3D please check");
        var blob = new BlobServiceClient(new Uri("https://a.blob.core.windows.net"), new AzureSasCredential("sv=1&sig=c2VjcmV0Cg%3D%3D"), service.Options()).GetBlobContainerClient("c").GetBlobClient("b");

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => blob.GetPropertiesAsync());

        Assert.Contains("sig=REDACTED", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_container_error_names_the_container()
    {
        var service = new FakeBlobService().RespondError(HttpStatusCode.NotFound, "ContainerNotFound", "The specified container does not exist.");
        var container = new BlobServiceClient(new Uri("http://127.0.0.1:10000/devstoreaccount1"), new StorageSharedKeyCredential("devstoreaccount1", Key), service.Options()).GetBlobContainerClient("releases");

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => container.DeleteAsync());

        Assert.StartsWith("Delete Container failed for container 'releases': 404 ContainerNotFound", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retryable_errors_are_retried_by_the_pipeline_before_they_are_thrown()
    {
        var service = new FakeBlobService().RespondError(HttpStatusCode.ServiceUnavailable, "ServerBusy", "The server is busy.");
        var options = service.Options();
        options.Retry.MaxRetries = 2;

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => Blob(service, options).GetPropertiesAsync());

        Assert.Equal(3, service.Requests.Count);
        Assert.Equal(503, error.Status);
        Assert.Equal("ServerBusy", error.ErrorCode);
    }

    [Fact]
    public async Task Delete_if_exists_turns_BlobNotFound_into_false_and_rethrows_anything_else()
    {
        var missing = new FakeBlobService().RespondError(HttpStatusCode.NotFound, "BlobNotFound", "The specified blob does not exist.");
        var leased = new FakeBlobService().RespondError(HttpStatusCode.PreconditionFailed, "LeaseIdMissing", "There is currently a lease on the blob and no lease ID was specified in the request.");

        var deleted = await Blob(missing).DeleteIfExistsAsync();
        var error = await Assert.ThrowsAsync<RequestFailedException>(() => Blob(leased).DeleteIfExistsAsync());

        Assert.False(deleted.Value);
        Assert.Equal("LeaseIdMissing", error.ErrorCode);
    }

    [Fact]
    public async Task Exists_answers_true_for_a_success_false_for_a_404_and_rethrows_anything_else()
    {
        var found = new FakeBlobService().Respond(HttpStatusCode.OK);
        var missing = new FakeBlobService().RespondError(HttpStatusCode.NotFound, "ContainerNotFound", "The specified container does not exist.");
        var denied = new FakeBlobService().RespondError(HttpStatusCode.Forbidden, "AuthorizationFailure", "This request is not authorized to perform this operation.");

        var blobFound = await Blob(found).ExistsAsync();
        var containerMissing = await Container(missing).ExistsAsync();
        var error = await Assert.ThrowsAsync<RequestFailedException>(() => Blob(denied).ExistsAsync());

        Assert.True(blobFound.Value);
        Assert.Equal(200, blobFound.GetRawResponse().Status);
        Assert.False(containerMissing.Value);
        Assert.Equal(404, containerMissing.GetRawResponse().Status);
        Assert.Equal("AuthorizationFailure", error.ErrorCode);
    }

    [Fact]
    public async Task Deleting_a_container_if_it_exists_turns_ContainerNotFound_into_false()
    {
        var missing = new FakeBlobService().RespondError(HttpStatusCode.NotFound, "ContainerNotFound", "The specified container does not exist.");
        var deleted = new FakeBlobService().Respond(HttpStatusCode.Accepted);

        Assert.False((await Container(missing).DeleteIfExistsAsync()).Value);
        Assert.True((await Container(deleted).DeleteIfExistsAsync()).Value);
    }

    private static BlobClient Blob(FakeBlobService service, BlobClientOptions? options = null) =>
        Container(service, options).GetBlobClient("app/1.0.0/app.zip");

    private static BlobContainerClient Container(FakeBlobService service, BlobClientOptions? options = null) =>
        new BlobServiceClient(new Uri("http://127.0.0.1:10000/devstoreaccount1"), new StorageSharedKeyCredential("devstoreaccount1", Key), options ?? service.Options())
            .GetBlobContainerClient("releases");
}
