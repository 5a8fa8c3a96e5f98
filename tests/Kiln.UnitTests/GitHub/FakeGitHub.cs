using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Kiln.UnitTests.GitHub;

/// <summary>
/// An HttpMessageHandler that answers from a queue (or drops the connection, or holds the request) and records every
/// request that reaches it with its body, cancelled or not.
/// </summary>
internal sealed class FakeGitHub : HttpMessageHandler
{
    /// <summary>How long a held request waits for its caller to cancel before it fails as a server error, so that a caller that never cancels fails its test rather than hanging it.</summary>
    private static readonly TimeSpan HoldLimit = TimeSpan.FromSeconds(30);

    private readonly Queue<Func<CancellationToken, Task<HttpResponseMessage>>> answers = new();
    private readonly TaskCompletionSource held = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public List<Recorded> Requests { get; } = [];

    /// <summary>"METHOD /path?query" of every request, in order.</summary>
    public IEnumerable<string> Calls => Requests.Select(request => $"{request.Method} {request.Uri.PathAndQuery}");

    /// <summary>Completes when a request queued with <see cref="Hold"/> has arrived and is being held.</summary>
    public Task Held => held.Task;

    public FakeGitHub Answer(HttpStatusCode status, string body = "")
    {
        answers.Enqueue(_ => Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") }));
        return this;
    }

    /// <summary>The next request fails as a dropped connection does.</summary>
    public FakeGitHub Drop()
    {
        answers.Enqueue(_ => throw new HttpRequestException("Connection reset by peer"));
        return this;
    }

    /// <summary>The next request fails as HttpClient's timeout does: a cancellation the caller did not ask for.</summary>
    public FakeGitHub TimeOut()
    {
        answers.Enqueue(_ => throw new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout.", new TimeoutException()));
        return this;
    }

    /// <summary>The next request is held, unanswered, until its caller cancels it (<see cref="Held"/> says when it arrived).</summary>
    public FakeGitHub Hold()
    {
        answers.Enqueue(async cancellationToken =>
        {
            held.TrySetResult();
            await Task.Delay(HoldLimit, cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("""{"message":"held too long"}""", Encoding.UTF8, "application/json") };
        });
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(CancellationToken.None);
        Requests.Add(new Recorded(request.Method, request.RequestUri!, request.Headers, request.Content?.Headers.ContentType?.MediaType, body));
        cancellationToken.ThrowIfCancellationRequested();
        return answers.Count > 0
            ? await answers.Dequeue()(cancellationToken)
            : throw new InvalidOperationException($"No answer queued for {request.Method} {request.RequestUri}.");
    }

    public sealed record Recorded(HttpMethod Method, Uri Uri, HttpRequestHeaders Headers, string? ContentType, string Body);
}
