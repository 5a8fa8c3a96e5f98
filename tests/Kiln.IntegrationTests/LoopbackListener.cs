using System.Net;
using System.Net.Sockets;

namespace Kiln.IntegrationTests;

/// <summary>An HttpListener on a free 127.0.0.1 port, for the servers that play a remote service in a test.</summary>
internal sealed class LoopbackListener : IDisposable
{
    private const int Attempts = 10;

    private readonly HttpListener listener = new();

    public LoopbackListener()
    {
        // HttpListener cannot bind port 0: a free port is found with a socket, then taken. Between the two, another
        // process (or test) may take it: then another port is tried.
        for (var attempt = 1; ; attempt++)
        {
            using (var socket = new TcpListener(IPAddress.Loopback, 0))
            {
                socket.Start();
                BaseUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)socket.LocalEndpoint).Port}/");
            }

            listener.Prefixes.Add(BaseUrl.AbsoluteUri);
            try
            {
                listener.Start();
                return;
            }
            catch (HttpListenerException) when (attempt < Attempts)
            {
                listener.Close();
                listener = new HttpListener();
            }
        }
    }

    public Uri BaseUrl { get; } = null!;

    /// <summary>The next request, or null once the listener is stopped.</summary>
    public async Task<HttpListenerContext?> NextAsync()
    {
        try
        {
            return listener.IsListening ? await listener.GetContextAsync() : null;
        }
        catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        // Close alone: after Stop, the managed HttpListener's Close looks its endpoint up again, binds the port anew to
        // do so, and fails with "Address already in use" when another process took the freed port in between.
        listener.Close();
    }
}
