using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Kiln.IntegrationTests;

/// <summary>
/// A server that plays a remote service for a test: an HttpListener on a free 127.0.0.1 port that reads each request
/// whole and sends back the JSON the subclass answers with. Stopped on dispose.
/// </summary>
public abstract class LocalHttpServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Task serving;

    protected LocalHttpServer()
    {
        using (var socket = new TcpListener(IPAddress.Loopback, 0))
        {
            socket.Start();
            BaseUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)socket.LocalEndpoint).Port}/");
        }

        listener.Prefixes.Add(BaseUrl.AbsoluteUri);
        listener.Start();
        serving = Task.Run(ServeAsync);
    }

    public Uri BaseUrl { get; }

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
        _ = serving.Exception;
        GC.SuppressFinalize(this);
    }

    /// <summary>The status and JSON body (empty for none) that answer the request, whose body is <paramref name="content"/>.</summary>
    protected abstract (HttpStatusCode Status, string Body) Answer(HttpListenerRequest request, byte[] content);

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            byte[] content;
            using (var buffer = new MemoryStream())
            {
                await context.Request.InputStream.CopyToAsync(buffer);
                content = buffer.ToArray();
            }

            var (status, body) = Answer(context.Request, content);
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.StatusCode = (int)status;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}
