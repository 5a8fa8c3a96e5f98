using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Kiln.UnitTests.GitHub;

/// <summary>An HttpMessageHandler that answers from a queue (or drops the connection) and records every request with its body.</summary>
internal sealed class FakeGitHub : HttpMessageHandler
{
    private readonly Queue<Func<HttpResponseMessage>> answers = new();

    public List<Recorded> Requests { get; } = [];

    /// <summary>"METHOD /path?query" of every request, in order.</summary>
    public IEnumerable<string> Calls => Requests.Select(request => $"{request.Method} {request.Uri.PathAndQuery}");

    public FakeGitHub Answer(HttpStatusCode status, string body = "")
    {
        answers.Enqueue(() => new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        return this;
    }

    /// <summary>The next request fails as a dropped connection does.</summary>
    public FakeGitHub Drop()
    {
        answers.Enqueue(() => throw new HttpRequestException("Connection reset by peer"));
        return this;
    }

    /// <summary>The next request fails as HttpClient's timeout does: a cancellation the caller did not ask for.</summary>
    public FakeGitHub TimeOut()
    {
        answers.Enqueue(() => throw new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout.", new TimeoutException()));
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add(new Recorded(request.Method, request.RequestUri!, request.Headers, request.Content?.Headers.ContentType?.MediaType, body));
        return answers.Count > 0
            ? answers.Dequeue()()
            : throw new InvalidOperationException($"No answer queued for {request.Method} {request.RequestUri}.");
    }

    public sealed record Recorded(HttpMethod Method, Uri Uri, HttpRequestHeaders Headers, string? ContentType, string Body);
}
