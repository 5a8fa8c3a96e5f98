using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Kiln.IntegrationTests.GitHub;

/// <summary>
/// GitHub's REST API for the releases of one repository (kiln/kiln), played by an HttpListener on a free 127.0.0.1
/// port: it keeps releases and their assets in memory, records every request, and answers the next requests to a
/// "METHOD /path" with the statuses queued by <see cref="FailNext"/> first. Uploads go to /uploads/..., as GitHub's
/// go to uploads.github.com. Stopped on dispose.
/// </summary>
internal sealed partial class LocalGitHubServer : LocalHttpServer
{
    private const string Repository = "/repos/kiln/kiln";

    private readonly ConcurrentDictionary<string, ConcurrentQueue<HttpStatusCode>> failures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Release> releases = new(StringComparer.Ordinal);
    private readonly object gate = new();
    private int nextId = 7;

    /// <summary>Every request, in order.</summary>
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>"METHOD /path?query" of every request, in order.</summary>
    public IEnumerable<string> Calls => Requests.Select(request => $"{request.Method} {request.PathAndQuery}");

    /// <summary>The next request to "METHOD /path" is answered with the status (and GitHub's error JSON), not served.</summary>
    public void FailNext(string methodAndPath, HttpStatusCode status) =>
        failures.GetOrAdd(methodAndPath, _ => new ConcurrentQueue<HttpStatusCode>()).Enqueue(status);

    /// <summary>The release of the tag as the server holds it; null when there is none.</summary>
    public Release? ReleaseOf(string tag)
    {
        lock (gate)
        {
            return releases.GetValueOrDefault(tag);
        }
    }

    protected override (HttpStatusCode Status, string Body) Answer(HttpListenerRequest request, byte[] content)
    {
        Requests.Enqueue(new RecordedRequest(
            request.HttpMethod,
            request.Url!.PathAndQuery,
            request.Headers["Authorization"],
            request.Headers["Accept"],
            request.Headers["X-GitHub-Api-Version"],
            request.Headers["User-Agent"],
            request.ContentType,
            Encoding.UTF8.GetString(content)));
        var (status, body) = failures.TryGetValue($"{request.HttpMethod} {request.Url.AbsolutePath}", out var queued) && queued.TryDequeue(out var failure)
            ? (failure, new JsonObject { ["message"] = failure.ToString() })
            : Answer(request.HttpMethod, request.Url, content);
        return (status, body is null ? string.Empty : body.ToJsonString());
    }

    private (HttpStatusCode Status, JsonNode? Body) Answer(string method, Uri url, byte[] content)
    {
        lock (gate)
        {
            var path = url.AbsolutePath;
            if (method == "GET" && path.StartsWith($"{Repository}/releases/tags/", StringComparison.Ordinal))
            {
                return releases.TryGetValue(Uri.UnescapeDataString(path[$"{Repository}/releases/tags/".Length..]), out var found)
                    ? (HttpStatusCode.OK, Json(found))
                    : NotFound();
            }

            if (method == "POST" && path == $"{Repository}/releases")
            {
                var fields = JsonNode.Parse(content)!;
                var tag = (string)fields["tag_name"]!;
                if (releases.ContainsKey(tag))
                {
                    return (HttpStatusCode.UnprocessableEntity, JsonNode.Parse("""{"message":"Validation Failed","errors":[{"resource":"Release","code":"already_exists","field":"tag_name"}]}"""));
                }

                var created = new Release(nextId++, tag) { Name = (string)fields["name"]!, Body = (string)fields["body"]!, Prerelease = (bool)fields["prerelease"]! };
                releases[tag] = created;
                return (HttpStatusCode.Created, Json(created));
            }

            if (method == "PATCH" && ReleasePath().Match(path) is { Success: true } patch && ById(Id(patch)) is { } updated)
            {
                var fields = JsonNode.Parse(content)!;
                updated.Name = (string)fields["name"]!;
                updated.Body = (string)fields["body"]!;
                updated.Prerelease = (bool)fields["prerelease"]!;
                return (HttpStatusCode.OK, Json(updated));
            }

            if (method == "DELETE" && AssetPath().Match(path) is { Success: true } delete)
            {
                var id = Id(delete);
                var owner = releases.Values.FirstOrDefault(release => release.Assets.Values.Any(asset => asset.Id == id));
                if (owner is null)
                {
                    return NotFound();
                }

                owner.Assets.Remove(owner.Assets.Single(asset => asset.Value.Id == id).Key);
                return (HttpStatusCode.NoContent, null);
            }

            if (method == "POST" && UploadPath().Match(path) is { Success: true } upload && ById(Id(upload)) is { } target)
            {
                var name = System.Web.HttpUtility.ParseQueryString(url.Query)["name"]!;
                if (target.Assets.ContainsKey(name))
                {
                    return (HttpStatusCode.UnprocessableEntity, JsonNode.Parse("""{"message":"Validation Failed","errors":[{"resource":"ReleaseAsset","code":"already_exists","field":"name"}]}"""));
                }

                var asset = new Asset(nextId++ * 10, name, content.LongLength);
                target.Assets[name] = asset;
                return (HttpStatusCode.Created, new JsonObject { ["id"] = asset.Id, ["name"] = asset.Name, ["size"] = asset.Size });
            }

            return NotFound();
        }
    }

    private static (HttpStatusCode, JsonNode?) NotFound() => (HttpStatusCode.NotFound, new JsonObject { ["message"] = "Not Found" });

    private static long Id(Match path) => long.Parse(path.Groups["id"].Value, CultureInfo.InvariantCulture);

    private Release? ById(long id) => releases.Values.FirstOrDefault(release => release.Id == id);

    private JsonObject Json(Release release) => new()
    {
        ["id"] = release.Id,
        ["tag_name"] = release.Tag,
        ["name"] = release.Name,
        ["body"] = release.Body,
        ["prerelease"] = release.Prerelease,
        ["html_url"] = $"https://github.com/kiln/kiln/releases/tag/{release.Tag}",
        ["upload_url"] = $"{BaseUrl}uploads{Repository}/releases/{release.Id}/assets{{?name,label}}",
        ["assets"] = new JsonArray(release.Assets.Values.Select(asset => (JsonNode)new JsonObject { ["id"] = asset.Id, ["name"] = asset.Name, ["size"] = asset.Size }).ToArray()),
    };

    [GeneratedRegex(@"^/repos/kiln/kiln/releases/(?<id>\d+)$")]
    private static partial Regex ReleasePath();

    [GeneratedRegex(@"^/repos/kiln/kiln/releases/assets/(?<id>\d+)$")]
    private static partial Regex AssetPath();

    [GeneratedRegex(@"^/uploads/repos/kiln/kiln/releases/(?<id>\d+)/assets$")]
    private static partial Regex UploadPath();

    public sealed record RecordedRequest(
        string Method, string PathAndQuery, string? Authorization, string? Accept, string? ApiVersion, string? UserAgent, string? ContentType, string Body);

    public sealed record Asset(long Id, string Name, long Size);

    public sealed class Release(long id, string tag)
    {
        public long Id { get; } = id;

        public string Tag { get; } = tag;

        public string Name { get; set; } = string.Empty;

        public string Body { get; set; } = string.Empty;

        public bool Prerelease { get; set; }

        public Dictionary<string, Asset> Assets { get; } = new(StringComparer.Ordinal);
    }
}
