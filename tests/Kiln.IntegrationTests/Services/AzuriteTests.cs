using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Kiln.IntegrationTests.Execution;
using Kiln.Services;

namespace Kiln.IntegrationTests.Services;

/// <summary>
/// The real Azurite from npm, as the build installs it (build/node → .nuke/temp/node, or KILN_NODE_TOOLS).
/// Each test starts its own instances and stops them.
/// </summary>
public sealed class AzuriteTests
{
    private static readonly Lazy<AbsolutePath> NodeTools = new(FindNodeTools);
    private static readonly HttpClient Http = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task Azurite_answers_http_on_its_blob_endpoint_on_127_0_0_1()
    {
        await using var azurite = await Azurite.StartAsync(NodeTools.Value);

        using var response = await Http.GetAsync(new Uri(azurite.BlobEndpoint + "?comp=list"));

        Assert.Equal(new Uri($"http://127.0.0.1:{azurite.Port}/devstoreaccount1"), azurite.BlobEndpoint);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.StartsWith("Azurite-Blob/3.37.0", response.Headers.Server.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Azurite_connection_string_names_its_port_and_its_key_signs_requests_it_accepts()
    {
        await using var azurite = await Azurite.StartAsync(NodeTools.Value);

        using var response = await ListContainersAsync(azurite.ConnectionString);

        Assert.Contains($"BlobEndpoint=http://127.0.0.1:{azurite.Port}/devstoreaccount1;", azurite.ConnectionString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<EnumerationResults", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stopping_Azurite_ends_its_process_frees_its_port_and_deletes_its_data_folder()
    {
        var azurite = await Azurite.StartAsync(NodeTools.Value);
        var pid = azurite.ProcessId;
        Assert.True(Directory.Exists(azurite.DataFolder), $"{azurite.DataFolder} should exist while Azurite runs.");

        await azurite.DisposeAsync();

        Assert.False(ProcessState.IsRunning(pid), $"Azurite (pid {pid}) still runs after stopping.");
        Assert.False(await AnswersAsync(azurite.BlobEndpoint), $"{azurite.BlobEndpoint} still answers after stopping.");
        Assert.False(Directory.Exists(azurite.DataFolder), $"{azurite.DataFolder} is left after stopping.");
    }

    [Fact]
    public async Task Two_Azurites_run_at_once_on_different_ports_with_different_data_folders()
    {
        var starting = new[] { Azurite.StartAsync(NodeTools.Value), Azurite.StartAsync(NodeTools.Value) };
        await Task.WhenAll(starting);
        await using var first = await starting[0];
        await using var second = await starting[1];

        Assert.NotEqual(first.Port, second.Port);
        Assert.NotEqual(first.DataFolder, second.DataFolder);
        Assert.True(await AnswersAsync(first.BlobEndpoint), $"{first.BlobEndpoint} does not answer.");
        Assert.True(await AnswersAsync(second.BlobEndpoint), $"{second.BlobEndpoint} does not answer.");
    }

    [Fact]
    public async Task Cancelling_the_start_while_Azurite_does_not_answer_yet_kills_it_and_throws()
    {
        var dataFolder = AbsolutePath.Create(Directory.CreateTempSubdirectory("kiln-azurite-it-").FullName);
        var silentTools = AbsolutePath.Create(Directory.CreateTempSubdirectory("kiln-azurite-silent-").FullName);
        try
        {
            // An entry point that never listens, launched just as Azurite's is: the start can only end by the cancellation,
            // however soon or late a busy machine gets the process going.
            var entryPoint = silentTools / Azurite.EntryPoint;
            Directory.CreateDirectory(Path.GetDirectoryName(entryPoint)!);
            await File.WriteAllTextAsync(entryPoint, "setInterval(() => {}, 60000);");
            using var cancellation = new CancellationTokenSource();
            var starting = Azurite.StartAsync(silentTools, dataFolder, cancellation.Token);
            await WaitUntilAsync(() => Task.FromResult(ProcessesMentioning(dataFolder).Count > 0), TimeSpan.FromSeconds(30));

            await cancellation.CancelAsync();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => starting);
            Assert.Empty(ProcessesMentioning(dataFolder));
        }
        finally
        {
            Directory.Delete(dataFolder, recursive: true);
            Directory.Delete(silentTools, recursive: true);
        }
    }

    [Fact]
    public async Task Azurite_stops_on_dispose_after_the_token_it_started_with_is_cancelled()
    {
        using var cancellation = new CancellationTokenSource();
        var azurite = await Azurite.StartAsync(NodeTools.Value, cancellation.Token);
        var pid = azurite.ProcessId;

        await cancellation.CancelAsync();
        await azurite.DisposeAsync();

        Assert.False(ProcessState.IsRunning(pid), $"Azurite (pid {pid}) still runs after disposal.");
        Assert.False(Directory.Exists(azurite.DataFolder), $"{azurite.DataFolder} is left after disposal.");
    }

    [Fact]
    public async Task Azurite_with_a_given_data_folder_keeps_it_when_stopped()
    {
        var dataFolder = AbsolutePath.Create(Directory.CreateTempSubdirectory("kiln-azurite-it-").FullName) / "data";
        try
        {
            await using (var azurite = await Azurite.StartAsync(NodeTools.Value, dataFolder))
            {
                Assert.Equal(dataFolder, azurite.DataFolder);
            }

            Assert.NotEmpty(Directory.GetFileSystemEntries(dataFolder));
        }
        finally
        {
            Directory.Delete(dataFolder.Parent!, recursive: true);
        }
    }

    [Fact]
    public async Task Azurite_shuts_down_by_itself_when_its_standard_input_closes_as_when_the_build_that_started_it_dies()
    {
        var dataFolder = Directory.CreateTempSubdirectory("kiln-azurite-it-").FullName;
        var port = FreePort();
        var start = new ProcessStartInfo("node") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in Azurite.Arguments(NodeTools.Value / Azurite.EntryPoint, port, dataFolder))
        {
            start.ArgumentList.Add(argument);
        }

        using var node = Process.Start(start)!;
        try
        {
            var endpoint = new Uri($"http://127.0.0.1:{port}/devstoreaccount1");
            await WaitUntilAsync(() => AnswersAsync(endpoint), TimeSpan.FromSeconds(30));

            node.StandardInput.Close();

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await node.WaitForExitAsync(timeout.Token);

            // Azurite registers its SIGTERM handler just after it starts listening, so on a loaded machine the launcher's
            // SIGTERM can arrive first and end node by the signal (128 + 15) instead of Azurite's clean exit (0).
            Assert.True(node.ExitCode is 0 or 143, $"Exit code {node.ExitCode}.");
            Assert.False(await AnswersAsync(endpoint));
        }
        finally
        {
            node.Kill(entireProcessTree: true);
            Directory.Delete(dataFolder, recursive: true);
        }
    }

    [Fact]
    public async Task The_Azurite_the_build_provides_answers_during_IntegrationTest()
    {
        // ./build.sh IntegrationTest passes its Azurite in; run alone (dotnet test), the test starts one the same way.
        await using var own = Environment.GetEnvironmentVariable("KILN_AZURITE_BLOB_ENDPOINT") is { Length: > 0 } ? null : await Azurite.StartAsync(NodeTools.Value);
        var endpoint = new Uri(own?.BlobEndpoint.ToString() ?? Environment.GetEnvironmentVariable("KILN_AZURITE_BLOB_ENDPOINT")!);
        var connectionString = own?.ConnectionString ?? Environment.GetEnvironmentVariable("KILN_AZURITE_CONNECTION_STRING");

        using var response = await ListContainersAsync(connectionString ?? throw new InvalidOperationException("KILN_AZURITE_BLOB_ENDPOINT is set without KILN_AZURITE_CONNECTION_STRING."));

        Assert.Equal(endpoint, new Uri(Settings(connectionString)["BlobEndpoint"]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Azurite-Blob/", response.Headers.Server.ToString(), StringComparison.Ordinal);
    }

    /// <summary>List Containers, signed with the connection string's account key (SharedKey, as Azurite checks it).</summary>
    private static async Task<HttpResponseMessage> ListContainersAsync(string connectionString)
    {
        const string Version = "2025-01-05";
        var settings = Settings(connectionString);
        var endpoint = new Uri(settings["BlobEndpoint"]);
        var date = DateTimeOffset.UtcNow.ToString("R", CultureInfo.InvariantCulture);
        var canonicalHeaders = $"x-ms-date:{date}\nx-ms-version:{Version}\n";
        var stringToSign = "GET\n" + new string('\n', 11) + canonicalHeaders + $"/{settings["AccountName"]}{endpoint.AbsolutePath}\ncomp:list";
        using var hmac = new HMACSHA256(Convert.FromBase64String(settings["AccountKey"]));
        var signature = Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign)));

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(endpoint + "?comp=list"));
        request.Headers.Add("x-ms-date", date);
        request.Headers.Add("x-ms-version", Version);
        request.Headers.TryAddWithoutValidation("Authorization", $"SharedKey {settings["AccountName"]}:{signature}");
        return await Http.SendAsync(request);
    }

    private static Dictionary<string, string> Settings(string connectionString) =>
        connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(setting => setting.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);

    private static async Task<bool> AnswersAsync(Uri endpoint)
    {
        try
        {
            using var response = await Http.GetAsync(new Uri(endpoint + "?comp=list"));
            return true;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < timeout, $"Not true within {timeout}.");
            await Task.Delay(100);
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The live processes whose command line names the folder.</summary>
    private static List<int> ProcessesMentioning(string folder) =>
        Directory.GetDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => int.TryParse(name, CultureInfo.InvariantCulture, out _))
            .Select(name => int.Parse(name!, CultureInfo.InvariantCulture))
            .Where(pid => ProcessState.IsRunning(pid) && CommandLine(pid).Contains(folder, StringComparison.Ordinal))
            .ToList();

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    private static AbsolutePath FindNodeTools() => AbsolutePath.Create(IntegrationTests.NodeTools.Folder);
}
