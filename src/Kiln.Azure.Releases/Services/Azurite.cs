using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Kiln.Azure.Authentication;

namespace Kiln.Services;

/// <summary>
/// Azurite's Blob service (the npm package <c>azurite</c>) as a child process on a free 127.0.0.1 port: real Blob
/// Storage for integration tests and local deploys. <c>await using var azurite = await Azurite.StartAsync(nodeTools, cancellationToken);</c>
/// starts it and waits until it answers; disposing it stops the process and deletes its temporary data.
/// </summary>
/// <remarks>
/// Azurite also stops when this process ends without disposing it: on a normal exit (the instance is
/// registered for <see cref="AppDomain.ProcessExit"/>) and on a crash or a kill, since Azurite watches its standard
/// input, a pipe from this process, and shuts down when the pipe closes. On Ctrl-C a terminal signals Azurite too.
/// </remarks>
public sealed class Azurite : IAsyncDisposable
{
    /// <summary>Where azurite-blob's entry point is, under the folder npm installed into (its bin azurite-blob links here).</summary>
    internal const string EntryPoint = "node_modules/azurite/dist/src/blob/main.js";

    /// <summary>
    /// Runs node's script (its path is argv[1]) after arranging that the end of standard input stops it: the
    /// launcher sends itself SIGTERM, which Azurite handles by closing its server and exiting.
    /// </summary>
    internal const string Launcher =
        "process.stdin.on('end', () => process.kill(process.pid, 'SIGTERM')).on('error', () => {}).resume();"
        + " process.stdin.unref(); require(process.argv[1]);";

    private const string Host = "127.0.0.1";
    private const int PortAttempts = 5;
    private const int OutputTailLines = 20;
    private const int StartTimeoutSeconds = 30;
    private static readonly TimeSpan StopGracePeriod = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly HttpClient Http = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(5) };
    private static readonly ConcurrentDictionary<Azurite, bool> Running = new();

    private readonly Process process;
    private readonly bool ownsDataFolder;
    private readonly Queue<string> outputTail = new();
    private readonly object gate = new();
    private Task? stopping;

    static Azurite() => AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAllAtExit();

    private Azurite(Process process, int port, AbsolutePath dataFolder, bool ownsDataFolder)
    {
        this.process = process;
        this.ownsDataFolder = ownsDataFolder;
        Port = port;
        DataFolder = dataFolder;
        BlobEndpoint = DevelopmentStorageAccount.BlobEndpoint(Host, port);
    }

    /// <summary>The port Azurite's Blob service listens on, on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The Blob endpoint of the development account, path-style: http://127.0.0.1:port/devstoreaccount1.</summary>
    public Uri BlobEndpoint { get; }

    /// <summary>
    /// A connection string for the development account (devstoreaccount1 with its documented key) and this Blob endpoint.
    /// It holds a key: pass it on through the environment or a client, never into a log.
    /// </summary>
    public string ConnectionString => DevelopmentStorageAccount.ConnectionString(BlobEndpoint);

    /// <summary>Where Azurite keeps its blobs and metadata.</summary>
    public AbsolutePath DataFolder { get; }

    /// <summary>The id of the node process running Azurite.</summary>
    internal int ProcessId => process.Id;

    /// <summary>
    /// Starts Azurite with its data in a new temporary folder, which stopping deletes, and waits until it answers.
    /// </summary>
    /// <param name="nodeTools">The folder npm installed azurite into (it holds node_modules), as <c>NodePackages.EnsureInstalledAsync</c> returns it.</param>
    /// <param name="cancellationToken">Stops the start: Azurite is killed and its data deleted.</param>
    /// <exception cref="KilnException">Node.js or Azurite is missing, or Azurite did not answer within 30 seconds.</exception>
    public static Task<Azurite> StartAsync(AbsolutePath nodeTools, CancellationToken cancellationToken = default) =>
        StartCoreAsync(nodeTools, dataFolder: null, cancellationToken);

    /// <summary>
    /// Starts Azurite with its data in <paramref name="dataFolder"/> (created when missing, kept when stopping, so the
    /// blobs outlive the process), and waits until it answers.
    /// </summary>
    /// <param name="nodeTools">The folder npm installed azurite into (it holds node_modules), as <c>NodePackages.EnsureInstalledAsync</c> returns it.</param>
    /// <param name="dataFolder">Where Azurite keeps its blobs and metadata.</param>
    /// <param name="cancellationToken">Stops the start: Azurite is killed.</param>
    /// <exception cref="KilnException">Node.js or Azurite is missing, or Azurite did not answer within 30 seconds.</exception>
    public static Task<Azurite> StartAsync(AbsolutePath nodeTools, AbsolutePath dataFolder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataFolder);
        return StartCoreAsync(nodeTools, dataFolder, cancellationToken);
    }

    /// <summary>
    /// Stops Azurite: asks it to shut down (SIGTERM), kills its process tree if it has not exited after five seconds,
    /// then deletes its data folder when <see cref="StartAsync(AbsolutePath, CancellationToken)"/> created it.
    /// Calling it again waits for the same stop.
    /// </summary>
    public Task StopAsync()
    {
        lock (gate)
        {
            return stopping ??= StopCoreAsync();
        }
    }

    /// <summary>Stops Azurite, as <see cref="StopAsync"/>.</summary>
    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    /// <summary>Names the endpoint; never the connection string.</summary>
    public override string ToString() => $"Azurite (Blob) at {BlobEndpoint}";

    /// <summary>The command-line arguments to node that run azurite-blob on the port with its data in the folder.</summary>
    internal static IReadOnlyList<string> Arguments(string entryPoint, int port, string dataFolder) =>
    [
        "-e", Launcher, entryPoint,
        "--blobHost", Host,
        "--blobPort", port.ToString(CultureInfo.InvariantCulture),
        "--location", dataFolder,
        "--disableTelemetry",
        "--silent",
        "--skipApiVersionCheck",
    ];

    private static async Task<Azurite> StartCoreAsync(AbsolutePath nodeTools, AbsolutePath? dataFolder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nodeTools);
        var entryPoint = nodeTools / EntryPoint;
        if (!File.Exists(entryPoint))
        {
            throw new KilnException($"Azurite is not installed in {nodeTools} (no {EntryPoint}): pin azurite in build/node/package.json and install it there with NodePackages.EnsureInstalledAsync, as the IntegrationTest target does.");
        }

        KilnBuild.MaskSecret(DevelopmentStorageAccount.Key);
        var ownsDataFolder = dataFolder is null;
        var folder = dataFolder ?? AbsolutePath.Create(Directory.CreateTempSubdirectory("kiln-azurite-").FullName);
        Directory.CreateDirectory(folder);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, KilnBuild.CancellationToken);
        var clock = Stopwatch.StartNew();
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var azurite = Launch(entryPoint, FreePort(), folder, ownsDataFolder);
                try
                {
                    if (await azurite.WaitUntilAnsweringAsync(cancellation.Token).ConfigureAwait(false))
                    {
                        Log.Information(string.Create(CultureInfo.InvariantCulture, $"Azurite (Blob) answers on {azurite.BlobEndpoint} after {clock.Elapsed.TotalSeconds:0.0}s; data in {folder}."));
                        return azurite;
                    }

                    // Another process took the free port between picking it and Azurite binding it: pick again.
                    if (azurite.PortWasTaken() && attempt < PortAttempts)
                    {
                        await azurite.AbandonAsync().ConfigureAwait(false);
                        continue;
                    }

                    throw new KilnException($"Azurite exited with code {azurite.process.ExitCode} before answering on {azurite.BlobEndpoint}.{azurite.OutputTail()}");
                }
                catch
                {
                    await azurite.AbandonAsync().ConfigureAwait(false);
                    throw;
                }
            }
        }
        catch when (ownsDataFolder)
        {
            DeleteFolder(folder);
            throw;
        }
    }

    private static Azurite Launch(AbsolutePath entryPoint, int port, AbsolutePath dataFolder, bool ownsDataFolder)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = dataFolder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in Arguments(entryPoint, port, dataFolder))
        {
            start.ArgumentList.Add(argument);
        }

        // Accounts from the user's environment would replace devstoreaccount1, which the connection string names.
        start.Environment.Remove("AZURITE_ACCOUNTS");
        var process = new Process { StartInfo = start };
        var azurite = new Azurite(process, port, dataFolder, ownsDataFolder);
        process.OutputDataReceived += (_, line) => azurite.Remember(line.Data);
        process.ErrorDataReceived += (_, line) => azurite.Remember(line.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            process.Dispose();
            throw new KilnException("Node.js 20 or later is needed to run Azurite: install it from https://nodejs.org or your package manager (apt install nodejs npm), then run again.", exception);
        }

        Running[azurite] = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return azurite;
    }

    /// <summary>A port nothing listens on now: the one the system hands out for port 0, released at once.</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Kills every Azurite still running when the process exits without having disposed them.</summary>
    private static void StopAllAtExit()
    {
        foreach (var azurite in Running.Keys)
        {
            azurite.Kill();
            try
            {
                if (azurite.ownsDataFolder)
                {
                    DeleteFolder(azurite.DataFolder);
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // The process is exiting: leave the temporary folder rather than fail the exit.
            }
        }
    }

    private static void DeleteFolder(AbsolutePath folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone.
        }
    }

    /// <summary>Polls the endpoint until any HTTP response (403 without credentials): true then, false when Azurite exited first.</summary>
    private async Task<bool> WaitUntilAnsweringAsync(CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(StartTimeoutSeconds));
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var exited = process.WaitForExitAsync(CancellationToken.None);
        var probe = new Uri(BlobEndpoint + "?comp=list");
        try
        {
            while (!exited.IsCompleted)
            {
                if (await AnswersAsync(probe, cancellation.Token).ConfigureAwait(false))
                {
                    return true;
                }

                await Task.WhenAny(exited, Task.Delay(PollInterval, cancellation.Token)).ConfigureAwait(false);
                cancellation.Token.ThrowIfCancellationRequested();
            }

            // Let the output pumps deliver the last lines (the error that made it exit).
            await exited.ConfigureAwait(false);
            return false;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new KilnException($"Azurite did not answer on {BlobEndpoint} within {StartTimeoutSeconds} seconds.{OutputTail()}");
        }
    }

    private static async Task<bool> AnswersAsync(Uri probe, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await Http.GetAsync(probe, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // This one request timed out; the start has its own deadline.
            return false;
        }
    }

    /// <summary>Stops the process of a start that did not work out, and lets go of it; the caller handles the data folder.</summary>
    private async Task AbandonAsync()
    {
        await StopProcessAsync().ConfigureAwait(false);
        process.Dispose();
    }

    private async Task StopCoreAsync()
    {
        var clock = Stopwatch.StartNew();
        await StopProcessAsync().ConfigureAwait(false);
        if (ownsDataFolder)
        {
            DeleteFolder(DataFolder);
        }

        process.Dispose();
        Log.Debug(string.Create(CultureInfo.InvariantCulture, $"Azurite (Blob) on {BlobEndpoint} stopped in {clock.Elapsed.TotalSeconds:0.00}s."));
    }

    /// <summary>Closes Azurite's standard input (the launcher turns that into SIGTERM), then kills the tree after the grace period.</summary>
    private async Task StopProcessAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.StandardInput.Close();
                using var grace = new CancellationTokenSource(StopGracePeriod);
                try
                {
                    await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    Kill();
                    await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            Running.TryRemove(this, out _);
        }
    }

    private void Kill()
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited, or never started.
        }
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (outputTail)
        {
            outputTail.Enqueue(line);
            if (outputTail.Count > OutputTailLines)
            {
                outputTail.Dequeue();
            }
        }
    }

    private bool PortWasTaken()
    {
        lock (outputTail)
        {
            return outputTail.Any(line => line.Contains("EADDRINUSE", StringComparison.Ordinal));
        }
    }

    private string OutputTail()
    {
        lock (outputTail)
        {
            return outputTail.Count == 0
                ? " It printed nothing."
                : $" Its last output:{Environment.NewLine}{string.Join(Environment.NewLine, outputTail)}";
        }
    }
}
