using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace Kiln.IntegrationTests.Azure.Releases;

/// <summary>
/// A small HTTP proxy on a free 127.0.0.1 port that forwards every request to a Blob endpoint (Azurite), except those
/// the fault rule picks, which it answers itself with that status (500, 503, 429 with a Retry-After when given) without
/// forwarding: what a storage service under load does. Those the drop rule picks it forwards, and once the server has applied them it closes the
/// connection without the answer: what a network that fails on the way back does. Stopped on dispose.
/// </summary>
public sealed class FaultInjectingProxy : IAsyncDisposable
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "Content-Length", "Host", "Expect", "Proxy-Connection", "TE", "Trailer", "Upgrade",
    };

    private readonly LoopbackListener listener = new();
    private readonly HttpClient forward = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None }) { Timeout = TimeSpan.FromMinutes(2) };
    private readonly Uri target;
    private readonly Func<int, HttpListenerRequest, HttpStatusCode?> fault;
    private readonly TimeSpan? retryAfter;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly ConcurrentQueue<(TimeSpan At, string ClientRequestId, bool Faulted)> received = new();
    private readonly Func<HttpListenerRequest, bool> dropResponse;
    private readonly Func<HttpListenerRequest, bool> cutBody;
    private readonly Task serving;
    private int requests;
    private int faults;
    private int dropped;

    /// <param name="target">Where requests go: Azurite's base URL (http://127.0.0.1:port/).</param>
    /// <param name="fault">For the n-th request (1-based), the status to answer instead of forwarding, or null to forward.</param>
    /// <param name="dropResponse">For a request the fault rule forwards: true to drop the server's answer to it.</param>
    public FaultInjectingProxy(Uri target, Func<int, HttpStatusCode?> fault, Func<HttpListenerRequest, bool>? dropResponse = null)
        : this(target, (number, _) => fault(number), dropResponse)
    {
    }

    /// <param name="target">Where requests go: Azurite's base URL (http://127.0.0.1:port/).</param>
    /// <param name="fault">For the n-th request (1-based) and the request, the status to answer instead of forwarding, or null to forward.</param>
    /// <param name="dropResponse">For a request the fault rule forwards: true to drop the server's answer to it.</param>
    /// <param name="retryAfter">Sent as Retry-After (whole seconds) with every fault answer, when given.</param>
    /// <param name="cutBody">For a request forwarded whole: true to send only the first half of the answer's body, then close the connection.</param>
    public FaultInjectingProxy(Uri target, Func<int, HttpListenerRequest, HttpStatusCode?> fault, Func<HttpListenerRequest, bool>? dropResponse = null, TimeSpan? retryAfter = null, Func<HttpListenerRequest, bool>? cutBody = null)
    {
        this.cutBody = cutBody ?? (_ => false);
        this.target = target;
        this.fault = fault;
        this.dropResponse = dropResponse ?? (_ => false);
        this.retryAfter = retryAfter;
        serving = Task.Run(ServeAsync);
    }

    /// <summary>Every request received, in order: when (since the proxy started), its x-ms-client-request-id (the same for all tries of one call), and whether it got a fault.</summary>
    public IReadOnlyList<(TimeSpan At, string ClientRequestId, bool Faulted)> Received => [.. received];

    public Uri BaseUrl => listener.BaseUrl;

    /// <summary>How many requests it answered with a fault.</summary>
    public int Faults => Volatile.Read(ref faults);

    /// <summary>How many requests the server applied whose answer it dropped.</summary>
    public int Dropped => Volatile.Read(ref dropped);

    /// <summary>How many requests it received.</summary>
    public int Requests => Volatile.Read(ref requests);

    public async ValueTask DisposeAsync()
    {
        listener.Dispose();
        try
        {
            await serving;
        }
        catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
        {
        }

        forward.Dispose();
    }

    private async Task ServeAsync()
    {
        while (await listener.NextAsync() is { } context)
        {
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            var number = Interlocked.Increment(ref requests);
            var status = fault(number, context.Request);
            received.Enqueue((clock.Elapsed, context.Request.Headers["x-ms-client-request-id"] ?? string.Empty, status is not null));
            if (status is not null)
            {
                Interlocked.Increment(ref faults);
                await context.Request.InputStream.CopyToAsync(Stream.Null);
                context.Response.StatusCode = (int)status;
                if (retryAfter is { } delay)
                {
                    context.Response.Headers.Add("Retry-After", ((int)delay.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                context.Response.Close();
                return;
            }

            using var request = new HttpRequestMessage(new HttpMethod(context.Request.HttpMethod), new Uri(target, context.Request.RawUrl));
            var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            if (context.Request.HttpMethod is "PUT" or "POST" || body.Length > 0)
            {
                body.Position = 0;
                request.Content = new StreamContent(body);
            }

            foreach (var name in context.Request.Headers.AllKeys.OfType<string>().Where(name => !HopByHop.Contains(name)))
            {
                var values = context.Request.Headers.GetValues(name) ?? [];
                if (!request.Headers.TryAddWithoutValidation(name, values))
                {
                    request.Content?.Headers.TryAddWithoutValidation(name, values);
                }
            }

            var drop = dropResponse(context.Request);
            using var response = await forward.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            if (drop)
            {
                // HttpListener cannot reset a connection before the status line, so the answer is cut just after it: the
                // promised body never comes, and the client fails the try as it would on a lost answer.
                Interlocked.Increment(ref dropped);
                context.Response.StatusCode = (int)response.StatusCode;
                context.Response.ContentLength64 = 1;
                context.Response.Abort();
                return;
            }

            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
            {
                if (HopByHop.Contains(name))
                {
                    continue;
                }

                foreach (var value in values)
                {
                    try
                    {
                        context.Response.Headers.Add(name, value);
                    }
                    catch (ArgumentException)
                    {
                        // A header HttpListener sets itself.
                    }
                }
            }

            var content = await response.Content.ReadAsByteArrayAsync();
            if (context.Request.HttpMethod != "HEAD" && content.Length > 1 && cutBody(context.Request))
            {
                context.Response.ContentLength64 = content.Length;
                await context.Response.OutputStream.WriteAsync(content.AsMemory(0, content.Length / 2));
                await context.Response.OutputStream.FlushAsync();
                context.Response.Abort();
                return;
            }

            if (context.Request.HttpMethod != "HEAD")
            {
                context.Response.ContentLength64 = content.Length;
                await context.Response.OutputStream.WriteAsync(content);
            }

            context.Response.Close();
        }
        catch (Exception exception) when (exception is HttpListenerException or HttpRequestException or IOException or ObjectDisposedException)
        {
            context.Response.Abort();
        }
    }
}
