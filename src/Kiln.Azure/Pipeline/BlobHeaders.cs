using System.Globalization;
using Azure;
using Azure.Core;
using Kiln.Azure.Models;

namespace Kiln.Azure.Pipeline;

/// <summary>Writes the request headers the operations share and reads the response headers they return.</summary>
internal static class BlobHeaders
{
    public const string MetadataPrefix = "x-ms-meta-";

    /// <summary>If-Match, If-None-Match, If-(Un)Modified-Since and x-ms-lease-id from the conditions.</summary>
    public static void SetConditions(Request request, RequestConditions? conditions)
    {
        if (conditions is null)
        {
            return;
        }

        if (conditions.IfMatch is { } ifMatch)
        {
            request.Headers.SetValue(HttpHeader.Names.IfMatch, Quoted(ifMatch));
        }

        if (conditions.IfNoneMatch is { } ifNoneMatch)
        {
            request.Headers.SetValue(HttpHeader.Names.IfNoneMatch, Quoted(ifNoneMatch));
        }

        if (conditions.IfModifiedSince is { } modifiedSince)
        {
            request.Headers.SetValue(HttpHeader.Names.IfModifiedSince, modifiedSince.ToString("R", CultureInfo.InvariantCulture));
        }

        if (conditions.IfUnmodifiedSince is { } unmodifiedSince)
        {
            request.Headers.SetValue(HttpHeader.Names.IfUnmodifiedSince, unmodifiedSince.ToString("R", CultureInfo.InvariantCulture));
        }

        if (conditions is BlobRequestConditions { LeaseId: { Length: > 0 } leaseId })
        {
            request.Headers.SetValue("x-ms-lease-id", leaseId);
        }
    }

    public static void SetMetadata(Request request, IDictionary<string, string>? metadata)
    {
        foreach (var (name, value) in metadata ?? new Dictionary<string, string>())
        {
            request.Headers.SetValue(MetadataPrefix + name, value);
        }
    }

    public static void SetHttpHeaders(Request request, BlobHttpHeaders? headers)
    {
        SetIfGiven(request, "x-ms-blob-content-type", headers?.ContentType);
        SetIfGiven(request, "x-ms-blob-content-encoding", headers?.ContentEncoding);
        SetIfGiven(request, "x-ms-blob-cache-control", headers?.CacheControl);
    }

    public static ETag ETag(Response response) => response.Headers.ETag ?? default;

    public static DateTimeOffset LastModified(Response response) => Date(response, "Last-Modified") ?? default;

    public static string? Value(Response response, string name) => response.Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The properties in the headers of Get Blob Properties or Get Blob.</summary>
    public static BlobProperties Properties(Response response)
    {
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers)
        {
            if (header.Name.StartsWith(MetadataPrefix, StringComparison.OrdinalIgnoreCase))
            {
                metadata[header.Name[MetadataPrefix.Length..]] = header.Value;
            }
        }

        return new BlobProperties
        {
            LastModified = LastModified(response),
            CreatedOn = Date(response, "x-ms-creation-time") ?? default,
            ContentLength = response.Headers.ContentLengthLong ?? 0,
            ContentType = response.Headers.ContentType,
            ContentEncoding = Value(response, "Content-Encoding"),
            CacheControl = Value(response, "Cache-Control"),
            ContentHash = Value(response, "Content-MD5") is { Length: > 0 } md5 ? Convert.FromBase64String(md5) : null,
            ETag = ETag(response),
            Metadata = metadata,
            LeaseState = Enum.TryParse<LeaseState>(Value(response, "x-ms-lease-state"), ignoreCase: true, out var leaseState) ? leaseState : LeaseState.Available,
            LeaseIsInfinite = Value(response, "x-ms-lease-duration") switch
            {
                "infinite" => true,
                "fixed" => false,
                _ => null,
            },
            CopyId = Value(response, "x-ms-copy-id"),
            CopyStatus = CopyStatus(Value(response, "x-ms-copy-status")),
            CopyProgress = Value(response, "x-ms-copy-progress"),
            CopyStatusDescription = Value(response, "x-ms-copy-status-description"),
        };
    }

    public static CopyStatus? CopyStatus(string? value) =>
        Enum.TryParse<CopyStatus>(value, ignoreCase: true, out var status) ? status : null;

    public static DateTimeOffset? Date(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;

    private static DateTimeOffset? Date(Response response, string name) => Date(Value(response, name));

    /// <summary>An ETag as an HTTP header wants it: quoted, except the wildcard.</summary>
    private static string Quoted(ETag eTag)
    {
        var text = eTag.ToString();
        return text == "*" || text.StartsWith('"') || text.StartsWith("W/", StringComparison.Ordinal) ? text : $"\"{text}\"";
    }

    private static void SetIfGiven(Request request, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            request.Headers.SetValue(name, value);
        }
    }
}
