using System.Net;
using System.Text.Json;
using Kiln.Tooling;

namespace Kiln.Publishing;

/// <summary>
/// An http(s) NuGet v3 source. Whether it has a version is asked of its flat container (the service index's
/// PackageBaseAddress: {base}/{id}/index.json lists the versions); a version it lists is not pushed. Others are
/// pushed with <c>dotnet nuget push --skip-duplicate</c>, a second guard for a version that arrived meanwhile or a
/// source that lets only its users read; the .snupkg beside the package goes along when the source names a symbol
/// server (SymbolPackagePublish, as nuget.org does). The API key reaches dotnet in its environment only.
/// </summary>
internal sealed class RemoteFeed(NuGetSource source, HttpClient http)
{
    private readonly Uri serviceIndex = source.ServiceIndex ?? throw new ArgumentException("An http(s) source is needed.", nameof(source));

    /// <summary>What dotnet nuget push (in English) says when --skip-duplicate skipped a version the source has.</summary>
    internal const string DuplicateMarker = "already exists at feed";

    private ServiceIndex? index;

    /// <summary>Pushes the package unless the source lists its version.</summary>
    /// <exception cref="KilnException">The source does not answer as a NuGet v3 source, or the push failed.</exception>
    public async Task<PublishOutcome> PublishAsync(string packageFile, PackageIdentity package, string apiKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(packageFile);
        ArgumentNullException.ThrowIfNull(package);
        var resources = await ReadServiceIndexAsync(cancellationToken).ConfigureAwait(false);
        var listed = resources is null ? null : await ListsAsync(resources.PackageBaseAddress, package, cancellationToken).ConfigureAwait(false);
        if (listed == true)
        {
            return PublishOutcome.AlreadyPublished;
        }

        if (listed is null)
        {
            Log.Information($"{source} does not say whether it has {package} without credentials: pushing, and --skip-duplicate skips it if it has.");
        }

        var symbols = Path.ChangeExtension(packageFile, ".snupkg");
        if (resources is { HasSymbolServer: false } && File.Exists(symbols))
        {
            Log.Information($"{source} names no symbol server (SymbolPackagePublish): {Path.GetFileName(symbols)} is not pushed.");
        }

        var push = new DotNetNuGetPushSettings(packageFile)
        {
            Source = serviceIndex.AbsoluteUri,
            ApiKey = apiKey,
            SkipDuplicate = true,
            AllowInsecureConnections = serviceIndex.Scheme == Uri.UriSchemeHttp && serviceIndex.IsLoopback,
            ForceEnglishOutput = true,

            // NuGet.Config files (credentials, allowInsecureConnections) are found upwards from here: the repository's.
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(packageFile)),
        };
        // The push reads the service index again; NuGet's HTTP cache could answer with a copy up to 30 minutes old
        // (one without the symbol server Kiln just saw, say), so this push gets a cache of its own.
        var httpCache = Directory.CreateTempSubdirectory("kiln-nuget-http-cache-").FullName;
        ToolResult result;
        try
        {
            var command = push.ToCommand();
            result = await ProcessRunner.RunAsync(
                command with { Environment = new Dictionary<string, string?>(command.Environment) { ["NUGET_HTTP_CACHE_PATH"] = httpCache } },
                cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Directory.Delete(httpCache, recursive: true);
        }

        return result.Output.Any(line => line.Text.Contains(DuplicateMarker, StringComparison.OrdinalIgnoreCase))
            ? PublishOutcome.AlreadyPublished
            : PublishOutcome.Published;
    }

    /// <summary>Whether the flat container lists the version; null when the source wants credentials to say.</summary>
    private async Task<bool?> ListsAsync(Uri packageBaseAddress, PackageIdentity package, CancellationToken cancellationToken)
    {
        var versions = new Uri(packageBaseAddress, $"{Uri.EscapeDataString(package.Id.ToLowerInvariant())}/index.json");
        using var response = await GetAsync(versions, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return null;
        }

        using var document = await ReadJsonAsync(response, versions, cancellationToken).ConfigureAwait(false);
        return document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty("versions", out var list)
            && list.ValueKind == JsonValueKind.Array
            && list.EnumerateArray().Any(version => string.Equals(version.GetString(), package.NormalizedVersion, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The service index's resources Kiln uses (read once); null when the source wants credentials to be read.</summary>
    private async Task<ServiceIndex?> ReadServiceIndexAsync(CancellationToken cancellationToken)
    {
        if (index is not null)
        {
            return index;
        }

        using var response = await GetAsync(serviceIndex, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return null;
        }

        using var document = await ReadJsonAsync(response, serviceIndex, cancellationToken).ConfigureAwait(false);
        var resources = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("resources", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray()
                .Where(resource => resource.ValueKind == JsonValueKind.Object)
                .Select(resource => (Type: Text(resource, "@type"), Id: Text(resource, "@id")))
                .ToList()
            : [];
        var baseAddress = resources.FirstOrDefault(resource => resource.Type?.StartsWith("PackageBaseAddress/3.0.0", StringComparison.Ordinal) == true).Id
            ?? throw new KilnException($"{source} lists no PackageBaseAddress/3.0.0 resource, so it is not a NuGet v3 service index: give the source's …/v3/index.json as --nuget-source.");
        var hasSymbolServer = resources.Any(resource => resource.Type?.StartsWith("SymbolPackagePublish/", StringComparison.Ordinal) == true);
        index = new ServiceIndex(new Uri(baseAddress.EndsWith('/') ? baseAddress : baseAddress + "/"), hasSymbolServer);
        return index;

        static string? Text(JsonElement resource, string name) =>
            resource.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }

    private async Task<HttpResponseMessage> GetAsync(Uri uri, CancellationToken cancellationToken)
    {
        try
        {
            return await http.GetAsync(uri, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw new KilnException($"The NuGet source {source} does not answer ({exception.Message}): check --nuget-source and the network, then publish again.", exception);
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new KilnException($"The NuGet source {source} did not answer GET {uri} in time: check --nuget-source and the network, then publish again.", exception);
        }
    }

    private async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response, Uri uri, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new KilnException($"GET {uri} answered {(int)response.StatusCode} {response.ReasonPhrase}: is {source} the v3 service index (…/v3/index.json) of a NuGet source?");
        }

        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                return await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }
        catch (JsonException exception)
        {
            throw new KilnException($"GET {uri} did not answer with JSON: is {source} the v3 service index (…/v3/index.json) of a NuGet source?", exception);
        }
    }

    /// <summary>The resources of a service index that publishing uses.</summary>
    private sealed record ServiceIndex(Uri PackageBaseAddress, bool HasSymbolServer);
}
