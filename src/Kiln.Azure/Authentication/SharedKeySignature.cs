using System.Globalization;
using System.Text;

namespace Kiln.Azure.Authentication;

/// <summary>
/// The string a SharedKey request signs, as Microsoft's "Authorize with Shared Key" describes it for the Blob service
/// (version 2009-09-19 and later): the verb, twelve standard headers, the canonicalized x-ms-* headers and the
/// canonicalized resource.
/// </summary>
internal static class SharedKeySignature
{
    /// <summary>The standard headers signed after the verb, in order. Content-Length is signed as empty when it is 0.</summary>
    internal static readonly string[] StandardHeaders =
    [
        "Content-Encoding", "Content-Language", "Content-Length", "Content-MD5", "Content-Type", "Date",
        "If-Modified-Since", "If-Match", "If-None-Match", "If-Unmodified-Since", "Range",
    ];

    /// <summary>Builds the string to sign.</summary>
    /// <param name="method">The HTTP verb, upper case.</param>
    /// <param name="uri">The request's URI with its query.</param>
    /// <param name="headers">The request's headers (names in any case).</param>
    /// <param name="contentLength">The body's length, when the transport sets Content-Length itself.</param>
    /// <param name="accountName">The account that signs.</param>
    public static string StringToSign(string method, Uri uri, IEnumerable<KeyValuePair<string, string>> headers, long? contentLength, string accountName)
    {
        var headerList = headers.ToList();
        var text = new StringBuilder(method.ToUpperInvariant()).Append('\n');
        foreach (var name in StandardHeaders)
        {
            var value = Header(headerList, name);
            if (name == "Content-Length")
            {
                value ??= contentLength?.ToString(CultureInfo.InvariantCulture);
                value = value is null or "0" ? string.Empty : value;
            }

            text.Append(value ?? string.Empty).Append('\n');
        }

        return text.Append(CanonicalizedHeaders(headerList)).Append(CanonicalizedResource(uri, accountName)).ToString();
    }

    /// <summary>Each x-ms-* header as "name:value\n", names lower-cased and sorted as the service sorts them (<see cref="SharedKeyHeaderOrder"/>), values trimmed.</summary>
    public static string CanonicalizedHeaders(IEnumerable<KeyValuePair<string, string>> headers)
    {
        var text = new StringBuilder();
        var canonical = headers
            .Where(header => header.Key.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
            .Select(header => (Name: header.Key.ToLowerInvariant(), Value: header.Value.Trim()))
            .OrderBy(header => header.Name, SharedKeyHeaderOrder.Instance);
        foreach (var (name, value) in canonical)
        {
            text.Append(name).Append(':').Append(value).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// "/account" + the encoded URI path (so /account/account/container/blob for a path-style Azurite URL), then each
    /// query parameter as "\nname:value[,value]", names decoded, lower-cased and sorted, values decoded and sorted.
    /// </summary>
    public static string CanonicalizedResource(Uri uri, string accountName)
    {
        var text = new StringBuilder("/").Append(accountName).Append(uri.AbsolutePath);
        var parameters = uri.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(pair => (Name: Uri.UnescapeDataString(pair[0]).ToLowerInvariant(), Value: pair.Length > 1 ? Uri.UnescapeDataString(pair[1]) : string.Empty))
            .GroupBy(parameter => parameter.Name, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal);
        foreach (var parameter in parameters)
        {
            var values = parameter.Select(p => p.Value).Order(StringComparer.Ordinal);
            text.Append('\n').Append(parameter.Key).Append(':').Append(string.Join(',', values));
        }

        return text.ToString();
    }

    private static string? Header(List<KeyValuePair<string, string>> headers, string name) =>
        headers.Where(header => string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase)).Select(header => header.Value).FirstOrDefault();
}
