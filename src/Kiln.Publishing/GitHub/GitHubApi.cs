using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kiln.GitHub;

/// <summary>
/// The request pipeline of GitHub's REST API. Every request carries the token as a bearer, GitHub's media type, its
/// API version and a User-Agent (GitHub refuses requests without one). Server errors (5xx), dropped connections and
/// timeouts are tried again, three attempts in all with a growing delay; any other failure is one
/// <see cref="KilnException"/> naming the request, the status, GitHub's reason and the fix. The token is registered
/// with the build's masker and is never part of a message.
/// </summary>
internal sealed class GitHubApi
{
    /// <summary>How many times a request is sent before a server error or a dropped connection fails it.</summary>
    public const int Attempts = 3;

    /// <summary>The REST API version the requests ask for (X-GitHub-Api-Version).</summary>
    public const string ApiVersion = "2022-11-28";

    /// <summary>GitHub's JSON media type (Accept).</summary>
    public const string MediaType = "application/vnd.github+json";

    /// <summary>One client for every instance, as HttpClient is meant to be used; connections are renewed for DNS changes.</summary>
    public static readonly HttpClient SharedHttp = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = TimeSpan.FromMinutes(5),
    };

    // What the build's output shows in place of a secret.
    private const string Mask = "***";

    private static readonly ProductInfoHeaderValue UserAgent = new("Kiln", typeof(GitHubApi).Assembly.GetName().Version?.ToString(3));

    private readonly HttpClient http;
    private readonly string token;
    private readonly TimeSpan retryDelay;

    /// <param name="baseUrl">The API's base URL, as https://api.github.com/.</param>
    /// <param name="token">The token; it is added to the build's secret masker here.</param>
    /// <param name="http">The client that sends the requests.</param>
    /// <param name="retryDelay">The wait before the second attempt; the third waits twice as long.</param>
    public GitHubApi(Uri baseUrl, string token, HttpClient http, TimeSpan retryDelay)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        KilnBuild.MaskSecret(token);
        var url = baseUrl.AbsoluteUri;
        BaseUrl = new Uri(url.EndsWith('/') ? url : url + "/");
        this.token = token;
        this.http = http;
        this.retryDelay = retryDelay;
    }

    /// <summary>The API's base URL, ending in a slash.</summary>
    public Uri BaseUrl { get; }

    /// <summary>A URL of the API: <paramref name="path"/> relative to the base URL.</summary>
    public Uri Url(string path) => new(BaseUrl, path);

    /// <summary>Sends a request and reads GitHub's JSON answer.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="uri">The URL (an API URL, or an upload URL GitHub gave).</param>
    /// <param name="content">Makes the body, once per attempt; null for none.</param>
    /// <param name="cancellationToken">Stops waiting between attempts and aborts a running request.</param>
    /// <param name="notFoundIsAnAnswer">Whether 404 Not Found is returned (with a null body) rather than thrown.</param>
    /// <returns>The status and the JSON body (null when empty or 404).</returns>
    /// <exception cref="KilnException">GitHub refused the request, or failed it <see cref="Attempts"/> times.</exception>
    public async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(
        HttpMethod method, Uri uri, Func<HttpContent>? content, CancellationToken cancellationToken, bool notFoundIsAnAnswer = false)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(uri);
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, uri) { Content = content?.Invoke() };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(MediaType));
            request.Headers.Add("X-GitHub-Api-Version", ApiVersion);
            request.Headers.UserAgent.Add(UserAgent);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (IsTransient(exception, cancellationToken))
            {
                var problem = exception is HttpRequestException ? exception.Message : $"no answer within {http.Timeout.TotalSeconds:0} seconds";
                if (attempt == Attempts)
                {
                    throw new KilnException(
                        $"{method} {uri.GetLeftPart(UriPartial.Path)} failed {Attempts} times ({problem}): check the network and that {BaseUrl} is GitHub's API, then publish again.",
                        exception);
                }

                await RetryAsync(attempt, $"{method} {uri.AbsolutePath} failed ({problem})", cancellationToken).ConfigureAwait(false);
                continue;
            }

            using (response)
            {
                var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                if (notFoundIsAnAnswer && response.StatusCode == HttpStatusCode.NotFound)
                {
                    return (response.StatusCode, null);
                }

                if (response.IsSuccessStatusCode)
                {
                    return (response.StatusCode, Parse(method, uri, response.StatusCode, text));
                }

                if ((int)response.StatusCode >= 500 && attempt < Attempts)
                {
                    await RetryAsync(attempt, $"{method} {uri.AbsolutePath} answered {(int)response.StatusCode}", cancellationToken).ConfigureAwait(false);
                    continue;
                }

                throw new KilnException(Failure(method, uri, response, text));
            }
        }
    }

    /// <summary>A dropped connection, or HttpClient's timeout (a cancellation nobody asked for).</summary>
    private static bool IsTransient(Exception exception, CancellationToken cancellationToken) =>
        exception is HttpRequestException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private async Task RetryAsync(int attempt, string what, CancellationToken cancellationToken)
    {
        Log.Warning($"{what}; trying again ({attempt + 1} of {Attempts}).");
        await Task.Delay(retryDelay * attempt, cancellationToken).ConfigureAwait(false);
    }

    private static JsonNode? Parse(HttpMethod method, Uri uri, HttpStatusCode status, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException exception)
        {
            throw new KilnException(
                $"{method} {uri.AbsolutePath} answered {(int)status} with a body that is not JSON: check that the API URL is GitHub's API, not a web page or a proxy.",
                exception);
        }
    }

    /// <summary>One line: the request, the status, GitHub's message (and its validation errors), and the fix.</summary>
    private string Failure(HttpMethod method, Uri uri, HttpResponseMessage response, string body)
    {
        var status = response.StatusCode;
        // Whatever answered (a proxy, say) might echo the request's headers: the token is masked in the message too.
        var reason = (Reason(body) ?? response.ReasonPhrase ?? status.ToString()).Replace(token, Mask, StringComparison.Ordinal);
        var fix = status switch
        {
            HttpStatusCode.Unauthorized => "the token is missing or invalid: pass GITHUB_TOKEN (secrets.GITHUB_TOKEN in a workflow).",
            HttpStatusCode.Forbidden or HttpStatusCode.NotFound =>
                "the token needs contents: write permission on the repository (permissions: contents: write in the workflow job); check too that the repository exists.",
            >= HttpStatusCode.InternalServerError => $"GitHub failed {Attempts} times: publish again later (it is safe to rerun).",
            _ => "fix what GitHub names, then publish again (it is safe to rerun).",
        };
        var verb = status >= HttpStatusCode.InternalServerError ? "failed" : "refused";
        return string.Create(CultureInfo.InvariantCulture, $"GitHub {verb} {method} {uri.AbsolutePath}: {(int)status} {reason}; {fix}");
    }

    /// <summary>GitHub's "message", with the code and field of each validation error: "Validation Failed (tag_name already_exists)".</summary>
    private static string? Reason(string body)
    {
        JsonNode? error;
        try
        {
            error = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }

        if (error is not JsonObject || error["message"] is not JsonValue message || !message.TryGetValue(out string? text))
        {
            return null;
        }

        var details = (error["errors"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(detail => string.Join(' ', new[] { detail["field"], detail["code"] }.OfType<JsonValue>().Select(value => value.ToString())))
            .Where(detail => detail.Length > 0)
            .ToList();
        var reason = details.Count == 0 ? text : $"{text} ({string.Join(", ", details)})";
        return reason.ReplaceLineEndings(" ");
    }
}
