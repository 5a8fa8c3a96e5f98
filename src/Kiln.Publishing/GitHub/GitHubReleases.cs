using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Kiln.GitHub;

/// <summary>
/// Creates or updates a GitHub release over the REST API and attaches files to it, safe to run again: an existing
/// release is updated, an asset already attached with the same size is kept, one with another size replaced.
/// Server errors (5xx), dropped connections and timeouts are retried; the token is masked in all output.
/// <code>
/// var releases = new GitHubReleases(Environment.GetEnvironmentVariable("GITHUB_REPOSITORY")!, GitHubToken);
/// var page = await releases.PublishAsync("v1.2.0", "1.2.0", notes, prerelease: false, packages, cancellationToken);
/// </code>
/// </summary>
public sealed partial class GitHubReleases
{
    /// <summary>GitHub's REST API.</summary>
    public static readonly Uri DefaultApiUrl = new("https://api.github.com/");

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    private readonly GitHubApi api;
    private readonly string repository;

    /// <summary>A client for the releases of a repository; thread-safe and meant to be reused.</summary>
    /// <param name="repository">owner/name, as GITHUB_REPOSITORY gives it.</param>
    /// <param name="token">A token with contents: write (the workflow's GITHUB_TOKEN); it is masked in all output from here on.</param>
    /// <param name="apiUrl">The API's base URL: https://api.github.com/ unless GitHub Enterprise (https://host/api/v3/) or a test server.</param>
    /// <exception cref="KilnException">The token is empty, or the repository is not owner/name.</exception>
    public GitHubReleases(string repository, string token, Uri? apiUrl = null)
        : this(repository, token, apiUrl, GitHubApi.SharedHttp, RetryDelay)
    {
    }

    internal GitHubReleases(string repository, string token, Uri? apiUrl, HttpClient http, TimeSpan retryDelay)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new KilnException("A GitHub token is required to publish a release: pass --github-token or set GITHUB_TOKEN (a workflow gets it as secrets.GITHUB_TOKEN, with permissions contents: write).");
        }

        if (string.IsNullOrWhiteSpace(repository) || !OwnerAndName().IsMatch(repository))
        {
            throw new KilnException($"'{repository}' is not a GitHub repository: give it as owner/name, as GITHUB_REPOSITORY has it on GitHub Actions.");
        }

        this.repository = repository;
        api = new GitHubApi(apiUrl ?? DefaultApiUrl, token, http, retryDelay);
    }

    /// <summary>Creates the release of the tag, or updates it when it exists, and attaches the files.</summary>
    /// <param name="tag">The tag, as v1.2.0; it must be pushed already.</param>
    /// <param name="name">The release's title.</param>
    /// <param name="body">The release notes (Markdown).</param>
    /// <param name="prerelease">Whether GitHub marks it as a pre-release.</param>
    /// <param name="assets">Files to attach, by their file names.</param>
    /// <param name="cancellationToken">Stops between requests and aborts a running one.</param>
    /// <returns>The release's web page (its html_url).</returns>
    /// <exception cref="KilnException">A file is missing, or GitHub refused a request; the message names it, the status, GitHub's reason and the fix.</exception>
    public async Task<Uri> PublishAsync(string tag, string name, string body, bool prerelease, IEnumerable<string> assets, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tag);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(assets);
        var files = Files(assets);

        var (_, existing) = await api.SendAsync(HttpMethod.Get, Api($"releases/tags/{Uri.EscapeDataString(tag)}"), null, cancellationToken, notFoundIsAnAnswer: true).ConfigureAwait(false);
        var fields = new JsonObject { ["name"] = name, ["body"] = body, ["prerelease"] = prerelease };
        JsonNode release;
        if (existing is null)
        {
            fields["tag_name"] = tag;
            fields["draft"] = false;
            release = await SendReleaseAsync(HttpMethod.Post, Api("releases"), fields, cancellationToken).ConfigureAwait(false);
            Log.Information($"Created the GitHub release {tag} of {repository}.");
        }
        else
        {
            var id = Field<long>(existing, "id", tag);
            release = await SendReleaseAsync(HttpMethod.Patch, Api($"releases/{id}"), fields, cancellationToken).ConfigureAwait(false);
            Log.Information($"Updated the GitHub release {tag} of {repository}.");
        }

        var attached = (release["assets"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .ToDictionary(asset => Field<string>(asset, "name", tag), StringComparer.Ordinal);
        var uploadUrl = Field<string>(release, "upload_url", tag);
        foreach (var file in files)
        {
            var fileName = Path.GetFileName(file.FullName);
            if (attached.TryGetValue(fileName, out var asset))
            {
                if (Field<long>(asset, "size", tag) == file.Length)
                {
                    Log.Information($"{fileName} is attached to {tag} already, with the same size: skipped.");
                    continue;
                }

                await api.SendAsync(HttpMethod.Delete, Api($"releases/assets/{Field<long>(asset, "id", tag)}"), null, cancellationToken).ConfigureAwait(false);
                Log.Information($"Deleted the {fileName} attached to {tag}: its size differs.");
            }

            var upload = UriTemplate.Expand(uploadUrl, new Dictionary<string, string>(StringComparer.Ordinal) { ["name"] = fileName });
            await api.SendAsync(HttpMethod.Post, upload, () => FileContent(file), cancellationToken).ConfigureAwait(false);
            Log.Information($"Uploaded {fileName} to {tag}.");
        }

        return new Uri(Field<string>(release, "html_url", tag));
    }

    /// <summary>Names the repository and the API; never the token.</summary>
    public override string ToString() => $"GitHub releases of {repository} at {api.BaseUrl}";

    /// <summary>The files, checked before anything is sent: each must exist, and no two may share a name on the release.</summary>
    private static List<FileInfo> Files(IEnumerable<string> assets)
    {
        var files = assets.Select(path => new FileInfo(path)).ToList();
        if (files.FirstOrDefault(file => !file.Exists) is { } missing)
        {
            throw new KilnException($"{missing.FullName} does not exist, so it cannot be attached to the release: build it first (Pack), then publish again.");
        }

        if (files.GroupBy(file => file.Name, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1) is { } twice)
        {
            throw new KilnException($"Two files to attach are named {twice.Key} ({string.Join(", ", twice.Select(file => file.FullName))}): a release holds one asset per name; attach one of them.");
        }

        return files;
    }

    private async Task<JsonNode> SendReleaseAsync(HttpMethod method, Uri uri, JsonObject fields, CancellationToken cancellationToken)
    {
        var (_, release) = await api.SendAsync(method, uri, () => new StringContent(fields.ToJsonString(), Encoding.UTF8, "application/json"), cancellationToken).ConfigureAwait(false);
        return release ?? throw new KilnException($"GitHub answered {method} {uri.AbsolutePath} without the release: publish again.");
    }

    private static StreamContent FileContent(FileInfo file)
    {
        var content = new StreamContent(file.OpenRead());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return content;
    }

    private Uri Api(string path) => api.Url($"repos/{repository}/{path}");

    /// <summary>A field of GitHub's JSON answer, which the API documents for every release and asset.</summary>
    private static T Field<T>(JsonNode node, string name, string tag)
    {
        try
        {
            return node[name] is JsonValue value ? value.GetValue<T>() : throw new InvalidOperationException($"'{name}' is missing.");
        }
        catch (Exception exception) when (exception is InvalidOperationException or FormatException)
        {
            throw new KilnException($"GitHub's answer about the release {tag} has no usable '{name}': check that the API URL is GitHub's REST API.", exception);
        }
    }

    /// <summary>owner/name as GitHub allows them: letters, digits and hyphens for the owner; also dots and underscores for the name.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9._-]+$")]
    private static partial Regex OwnerAndName();
}
