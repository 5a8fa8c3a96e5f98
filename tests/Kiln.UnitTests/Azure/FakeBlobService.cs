using System.Net;
using System.Text;
using Azure.Core.Pipeline;
using Kiln.Azure;

namespace Kiln.UnitTests.Azure;

/// <summary>
/// An HTTP handler in place of the Blob service: records each request as it went on the wire (headers, content headers
/// and body) and answers from a queue of responses, the last one repeated. Plugged into Azure.Core as the transport.
/// </summary>
internal sealed class FakeBlobService : HttpMessageHandler
{
    private readonly Queue<Func<HttpResponseMessage>> responses = new();
    private Func<HttpResponseMessage> last = () => new HttpResponseMessage(HttpStatusCode.OK);

    private readonly List<RecordedRequest> requests = [];

    /// <summary>When set, answers each request (null: the queue answers).</summary>
    public Func<RecordedRequest, HttpResponseMessage?>? Route { get; set; }

    public List<RecordedRequest> Requests
    {
        get
        {
            lock (requests)
            {
                return [.. requests];
            }
        }
    }

    /// <summary>Options whose transport is this fake, with quick retries.</summary>
    public BlobClientOptions Options(BlobClientOptions? options = null)
    {
        options ??= new BlobClientOptions();
        options.Transport = new HttpClientTransport(this);
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(5);
        return options;
    }

    public FakeBlobService Respond(HttpStatusCode status, IDictionary<string, string>? headers = null, string? body = null)
    {
        Func<HttpResponseMessage> response = () =>
        {
            var message = new HttpResponseMessage(status) { Content = new StringContent(body ?? string.Empty, Encoding.UTF8, body is null ? "text/plain" : "application/xml") };
            foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            {
                if (!message.Headers.TryAddWithoutValidation(name, value))
                {
                    message.Content.Headers.TryAddWithoutValidation(name, value);
                }
            }

            return message;
        };
        responses.Enqueue(response);
        last = response;
        return this;
    }

    /// <summary>An error as the service writes it: status, x-ms-error-code header, and an XML body.</summary>
    public FakeBlobService RespondError(HttpStatusCode status, string code, string message, string? extra = null, bool codeHeader = true) =>
        Respond(
            status,
            codeHeader ? new Dictionary<string, string> { ["x-ms-error-code"] = code } : null,
            $"<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>{code}</Code><Message>{message}\nRequestId:1\nTime:2026-01-01T00:00:00Z</Message>{extra}</Error>");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.Select(header => new KeyValuePair<string, string>(header.Key, string.Join(",", header.Value))).ToList();
        var body = Array.Empty<byte>();
        if (request.Content is { } content)
        {
            body = await content.ReadAsByteArrayAsync(cancellationToken);
            headers.AddRange(content.Headers.Select(header => new KeyValuePair<string, string>(header.Key, string.Join(",", header.Value))));
        }

        var recorded = new RecordedRequest(request.Method.Method, request.RequestUri!, headers, body);
        lock (requests)
        {
            requests.Add(recorded);
        }

        if (Route?.Invoke(recorded) is { } routed)
        {
            return routed;
        }

        lock (requests)
        {
            return (responses.Count > 0 ? responses.Dequeue() : last)();
        }
    }
}

internal sealed record RecordedRequest(string Method, Uri Uri, List<KeyValuePair<string, string>> Headers, byte[] Body)
{
    public string? Header(string name) =>
        Headers.Where(header => string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase)).Select(header => header.Value).FirstOrDefault();
}

/// <summary>A clock that starts where it is told and moves on by Step each time it is read.</summary>
internal sealed class SettableClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset next = start;

    public TimeSpan Step { get; init; }

    public override DateTimeOffset GetUtcNow()
    {
        var now = next;
        next += Step;
        return now;
    }
}
