using System.Net;
using System.Text;

namespace Kiln.IntegrationTests;

/// <summary>
/// A server that plays a remote service for a test: an HttpListener on a free 127.0.0.1 port that reads each request
/// whole and sends back the JSON the subclass answers with. Stopped on dispose.
/// </summary>
public abstract class LocalHttpServer : IDisposable
{
    private readonly LoopbackListener listener = new();
    private readonly Task serving;

    protected LocalHttpServer()
    {
        serving = Task.Run(ServeAsync);
    }

    public Uri BaseUrl => listener.BaseUrl;

    public void Dispose()
    {
        listener.Dispose();
        _ = serving.Exception;
        GC.SuppressFinalize(this);
    }

    /// <summary>The status and JSON body (empty for none) that answer the request, whose body is <paramref name="content"/>.</summary>
    protected abstract (HttpStatusCode Status, string Body) Answer(HttpListenerRequest request, byte[] content);

    private async Task ServeAsync()
    {
        while (await listener.NextAsync() is { } context)
        {
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
