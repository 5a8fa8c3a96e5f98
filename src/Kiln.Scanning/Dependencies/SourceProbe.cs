using System.Text.Json;

namespace Kiln.Scanning.Dependencies;

/// <summary>
/// Whether a package source serves vulnerability data: a NuGet v3 source does when its service index lists a
/// <c>VulnerabilityInfo</c> resource. Without one, <c>dotnet list package --vulnerable</c> reports "no vulnerable
/// packages" for that source having checked nothing, so Kiln asks first.
/// </summary>
/// <param name="Source">The source as the restore listed it.</param>
/// <param name="HasVulnerabilityInfo">Whether its service index lists VulnerabilityInfo.</param>
/// <param name="Reason">Why it serves no vulnerability data; null when it does.</param>
internal sealed record SourceProbe(string Source, bool HasVulnerabilityInfo, string? Reason)
{
    /// <summary>Reads the source's service index (folder sources serve no vulnerability data).</summary>
    public static async Task<SourceProbe> ProbeAsync(HttpClient http, string source, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(source, UriKind.Absolute, out var index) || index.IsFile || (index.Scheme != Uri.UriSchemeHttp && index.Scheme != Uri.UriSchemeHttps))
        {
            return new SourceProbe(source, false, $"{source} is a folder source, which serves no vulnerability data");
        }

        try
        {
            using var response = await http.GetAsync(index, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return new SourceProbe(source, false, $"{source} answered {(int)response.StatusCode} {response.ReasonPhrase} for its service index");
            }

            using var document = await JsonDocument.ParseAsync(
                await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false),
                cancellationToken: cancellationToken).ConfigureAwait(false);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("resources", out var resources)
                || resources.ValueKind != JsonValueKind.Array)
            {
                return new SourceProbe(source, false, $"{source} is not a NuGet v3 source (its index has no resources), so it serves no vulnerability data");
            }

            var hasVulnerabilityInfo = resources.EnumerateArray().Any(resource =>
                resource.ValueKind == JsonValueKind.Object
                && resource.TryGetProperty("@type", out var type)
                && type.ValueKind == JsonValueKind.String
                && type.GetString()!.StartsWith("VulnerabilityInfo", StringComparison.OrdinalIgnoreCase));
            return hasVulnerabilityInfo
                ? new SourceProbe(source, true, null)
                : new SourceProbe(source, false, $"{source} serves no vulnerability data (its service index has no VulnerabilityInfo resource)");
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException
            || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var what = exception is JsonException ? "is not JSON" : "could not be read";
            return new SourceProbe(source, false, $"the service index of {source} {what} ({exception.Message})");
        }
    }
}
