using System.Net;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Azure;

namespace Kiln.Azure.Pipeline;

/// <summary>
/// Turns an error response into the one exception the clients throw: <see cref="RequestFailedException"/> with the HTTP
/// status, the service's x-ms-error-code as <see cref="RequestFailedException.ErrorCode"/>, and a message naming the
/// operation and the container or blob. Only the service's own message is kept from the body, never its details (an
/// AuthenticationFailed body can quote the signature), and anything shaped like a signature is redacted.
/// </summary>
internal static partial class BlobErrors
{
    public static RequestFailedException FromResponse(Response response, string operation, string target)
    {
        var (bodyCode, serviceMessage) = ReadBody(response);
        var errorCode = response.Headers.TryGetValue("x-ms-error-code", out var headerCode) && headerCode.Length > 0 ? headerCode : bodyCode;
        var reason = string.IsNullOrEmpty(response.ReasonPhrase) ? ((HttpStatusCode)response.Status).ToString() : response.ReasonPhrase;
        var message = $"{operation} failed for {target}: {response.Status} {errorCode ?? reason}";
        if (!string.IsNullOrWhiteSpace(serviceMessage))
        {
            message += $" ({Redact(serviceMessage)})";
        }

        return new RequestFailedException(response.Status, message + Advice(response.Status, errorCode), errorCode, null);
    }

    /// <summary>A failure that got no response (connection refused, timeout), named for its operation.</summary>
    public static RequestFailedException FromTransport(RequestFailedException exception, string operation, string target) =>
        new(exception.Status, $"{operation} failed for {target}: {Redact(exception.Message)}", exception.ErrorCode, exception);

    /// <summary>Removes anything shaped like a SAS signature or a SharedKey signature from a message.</summary>
    public static string Redact(string text) =>
        SharedKeyPattern().Replace(SignaturePattern().Replace(text, "sig=REDACTED"), "SharedKey REDACTED");

    private static (string? Code, string? Message) ReadBody(Response response)
    {
        try
        {
            if (response.Content is not { } content || content.ToMemory().IsEmpty)
            {
                return (null, null);
            }

            var error = XDocument.Parse(content.ToString()).Root;
            var message = error?.Element("Message")?.Value.Split('\n')[0].Trim();
            return (error?.Element("Code")?.Value, message);
        }
        catch (Exception exception) when (exception is XmlException or InvalidOperationException)
        {
            // Not an XML error body (a proxy's page, or a streamed response): the status and header code stand alone.
            return (null, null);
        }
    }

    private static string Advice(int status, string? errorCode) => (status, errorCode) switch
    {
        (403, "AuthenticationFailed") => ". Check the account key, SAS token or credential the client was created with.",
        (403, _) => ". The request was not authorized: check the account key, or the SAS token's permissions and expiry, or the Storage Blob Data role of the Microsoft Entra ID identity.",
        _ => ".",
    };

    [GeneratedRegex(@"sig=[^&\s'""]+", RegexOptions.IgnoreCase)]
    private static partial Regex SignaturePattern();

    [GeneratedRegex(@"SharedKey\s+[^:\s]+:[A-Za-z0-9+/=]+")]
    private static partial Regex SharedKeyPattern();
}
