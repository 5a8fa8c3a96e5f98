using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Kiln.Azure.Authentication;

/// <summary>
/// Appends a shared access signature to the query of every request (once, before the retries). Azure.Core's logging
/// redacts every query value not named in <see cref="DiagnosticsOptions.LoggedQueryParameters"/>, so sig never reaches a log.
/// </summary>
internal sealed class SasQueryPolicy(AzureSasCredential credential) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var signature = credential.Signature.TrimStart('?');
        var uri = message.Request.Uri;
        var query = uri.Query.TrimStart('?');
        if (signature.Length == 0 || query.Contains(signature, StringComparison.Ordinal))
        {
            return;
        }

        uri.Query = query.Length == 0 ? "?" + signature : "?" + query + "&" + signature;
    }
}
