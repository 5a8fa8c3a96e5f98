using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Kiln.Azure.Authentication;

/// <summary>
/// Signs each attempt of a request with the account key: sets x-ms-date and Authorization: SharedKey account:signature.
/// It runs per retry, after everything that changes between attempts, since the date and every x-ms-* header are signed.
/// </summary>
internal sealed class SharedKeyAuthenticationPolicy(StorageSharedKeyCredential credential, TimeProvider clock) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        request.Headers.SetValue("x-ms-date", clock.GetUtcNow().ToString("R", CultureInfo.InvariantCulture));
        long? contentLength = request.Content is { } content && content.TryComputeLength(out var length) ? length : null;
        var headers = request.Headers.Select(header => new KeyValuePair<string, string>(header.Name, header.Value));
        var stringToSign = SharedKeySignature.StringToSign(request.Method.Method, request.Uri.ToUri(), headers, contentLength, credential.AccountName);
        request.Headers.SetValue(HttpHeader.Names.Authorization, $"SharedKey {credential.AccountName}:{credential.ComputeHmacSha256(stringToSign)}");
    }
}
