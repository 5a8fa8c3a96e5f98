using System.Collections.Concurrent;
using System.Net;

namespace Kiln.IntegrationTests.Publishing;

/// <summary>
/// A NuGet v3 source played by an HttpListener on a free 127.0.0.1 port: a service index (PackageBaseAddress at /flat/,
/// PackagePublish at /push, SymbolPackagePublish at /symbols when it has a symbol server), flat-container version lists
/// and pushes that are recorded, not kept. Stopped on dispose.
/// </summary>
public sealed class LocalNuGetServer : LocalHttpServer
{
    /// <summary>The service index, to pass as --nuget-source.</summary>
    public string ServiceIndex => new Uri(BaseUrl, "v3/index.json").AbsoluteUri;

    /// <summary>The versions the flat container lists, by lower-case id; an id not here answers 404.</summary>
    public ConcurrentDictionary<string, string[]> Versions { get; } = new();

    /// <summary>Whether the service index names a symbol server.</summary>
    public bool HasSymbolServer { get; init; }

    /// <summary>What a package push answers: 201 Created, or 409 Conflict for a version the source has.</summary>
    public HttpStatusCode PushStatus { get; set; } = HttpStatusCode.Created;

    /// <summary>"METHOD /path" of every request, in order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>The X-NuGet-ApiKey header of every push.</summary>
    public ConcurrentQueue<string?> PushedKeys { get; } = new();

    protected override (HttpStatusCode Status, string Body) Answer(HttpListenerRequest request, byte[] content)
    {
        var path = request.Url!.AbsolutePath;
        Requests.Enqueue($"{request.HttpMethod} {path}");
        return Answer(request.HttpMethod, path, request.Headers["X-NuGet-ApiKey"]);
    }

    private (HttpStatusCode Status, string Body) Answer(string method, string path, string? apiKey)
    {
        if (method == "PUT")
        {
            PushedKeys.Enqueue(apiKey);
            return (path.StartsWith("/push", StringComparison.Ordinal) ? PushStatus : HttpStatusCode.Created, "{}");
        }

        if (path == "/v3/index.json")
        {
            var symbols = HasSymbolServer ? $$""",{"@id":"{{BaseUrl}}symbols","@type":"SymbolPackagePublish/4.9.0"}""" : string.Empty;
            return (HttpStatusCode.OK, $$"""{"version":"3.0.0","resources":[{"@id":"{{BaseUrl}}flat/","@type":"PackageBaseAddress/3.0.0"},{"@id":"{{BaseUrl}}push","@type":"PackagePublish/2.0.0"}{{symbols}}]}""");
        }

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments is ["flat", var id, "index.json"] && Versions.TryGetValue(id, out var versions))
        {
            return (HttpStatusCode.OK, $$"""{"versions":[{{string.Join(',', versions.Select(version => $"\"{version}\""))}}]}""");
        }

        return (HttpStatusCode.NotFound, "{}");
    }
}
