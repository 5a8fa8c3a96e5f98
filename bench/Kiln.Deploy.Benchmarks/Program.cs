using System.Diagnostics;
using System.Globalization;
using Kiln;
using Kiln.Azure;
using Kiln.Azure.Releases;
using Kiln.Services;

// Deploys two bundles to a local Azurite with the release store, the way ./build.sh Deploy does: 200 files of 50 KB,
// and one file of 100 MB. For each: the first deploy (upload, verify, pointer, history, smoke check that reads every
// byte back), then a second deploy of the same bundle, which should upload nothing and finish in under 2 s. Then the
// same folders with `az storage blob upload-batch`, when az is on PATH.
var root = FindRoot();
var nodeTools = AbsolutePath.Create(Environment.GetEnvironmentVariable("KILN_NODE_TOOLS") is { Length: > 0 } given ? given : Path.Combine(root, ".nuke", "temp", "node"));
var work = Directory.CreateTempSubdirectory("kiln-deploy-bench-");
try
{
    var small = Generate(Path.Combine(work.FullName, "small"), count: 200, size: 50 * 1024);
    var large = Generate(Path.Combine(work.FullName, "large"), count: 1, size: 100 * 1024 * 1024);
    await using var azurite = await Azurite.StartAsync(nodeTools, AbsolutePath.Create(Path.Combine(work.FullName, "azurite")));
    var service = new BlobServiceClient(azurite.ConnectionString);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Azurite at {azurite.BlobEndpoint}; {Environment.ProcessorCount} cores"));

    // One small deploy first, so that the times below leave out JIT compilation and the first connections.
    await new ReleaseStore(service.GetBlobContainerClient("warm-up"), "kiln").DeployAsync(new ReleaseBundle("0.0.1").AddContent("a.txt", new byte[1024]), "staging");

    var results = new List<(string Name, double First, double Second, long Bytes, long SecondBytes)>();
    foreach (var (name, folder) in new[] { ("200 x 50 KB", small), ("1 x 100 MB", large) })
    {
        var clock = new Stopwatch();
        var store = new ReleaseStore(service.GetBlobContainerClient($"bench-{results.Count}"), "kiln", new ReleaseStoreOptions
        {
            Log = line => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {clock.Elapsed.TotalSeconds,6:0.00} s  {line}")),
        });
        clock.Start();
        var first = await store.DeployAsync(Bundle(folder), "staging");
        var firstTime = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var second = await store.DeployAsync(Bundle(folder), "staging");
        var secondTime = clock.Elapsed.TotalSeconds;
        results.Add((name, firstTime, secondTime, first.TransferredBytes, second.TransferredBytes));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"kiln deploy {name}: {firstTime:0.00} s, {first.TransferredBytes / 1048576.0 / firstTime:0.0} MB/s ({first.Transferred} files); no-change deploy: {secondTime:0.00} s, {second.TransferredBytes} bytes uploaded"));
    }

    var azTimes = new Dictionary<string, double>(StringComparer.Ordinal);
    var az = FindOnPath("az");
    if (az is null)
    {
        Console.WriteLine("az: not installed, comparison skipped (apt install azure-cli to compare with az storage blob upload-batch).");
    }
    else
    {
        foreach (var (name, folder) in new[] { ("200 x 50 KB", small), ("1 x 100 MB", large) })
        {
            var container = $"az-{Guid.NewGuid():N}";
            await service.GetBlobContainerClient(container).CreateAsync();
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(new ProcessStartInfo(az, ["storage", "blob", "upload-batch", "--destination", container, "--source", folder, "--connection-string", azurite.ConnectionString, "--only-show-errors", "--output", "none"]) { RedirectStandardOutput = true })!;
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            var seconds = clock.Elapsed.TotalSeconds;
            var kiln = results.Single(result => result.Name == name);
            azTimes[name] = seconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"az upload-batch {name}: {seconds:0.00} s (exit {process.ExitCode}); kiln's whole deploy took {kiln.First:0.00} s, {seconds / kiln.First:0.0}x faster"));
        }
    }

    var goal = results.All(result => result.SecondBytes == 0 && result.Second < 2);
    Console.WriteLine($"goal: a no-change deploy uploads nothing in under 2 s: {(goal ? "met" : "NOT met")}");
    if (azTimes.TryGetValue("1 x 100 MB", out var azLarge))
    {
        var kilnLarge = results.Single(result => result.Name == "1 x 100 MB").First;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"goal: the whole first deploy of 100 MB at least 2x faster than az's upload alone: {(azLarge / kilnLarge >= 2 ? "met" : "NOT met")} ({azLarge / kilnLarge:0.0}x)"));
    }
}
finally
{
    work.Delete(recursive: true);
}

static string Generate(string folder, int count, int size)
{
    Directory.CreateDirectory(folder);
    var random = new Random(42);
    var buffer = new byte[size];
    for (var index = 0; index < count; index++)
    {
        random.NextBytes(buffer);
        File.WriteAllBytes(Path.Combine(folder, $"file-{index:D3}.bin"), buffer);
    }

    return folder;
}

static ReleaseBundle Bundle(string folder) => new ReleaseBundle("1.0.0").AddDirectory("files", folder);

static string FindRoot()
{
    for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
    {
        if (Directory.Exists(Path.Combine(folder.FullName, ".nuke")))
        {
            return folder.FullName;
        }
    }

    return Directory.GetCurrentDirectory();
}

static string? FindOnPath(string program) =>
    (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
        .Select(folder => Path.Combine(folder, program))
        .FirstOrDefault(File.Exists);
