using System.Diagnostics;
using System.Globalization;
using Kiln;
using Kiln.Scanning.Benchmarks;
using Kiln.Scanning.Secrets;

// Times the tracked-files secret scan on this repository and on the generated tree: one warm-up, then five timed runs each.
const int Runs = 5;
const double GoalMilliseconds = 2000;
var scanner = new SecretScanner();

var repository = AbsolutePath.Create(FindRepositoryRoot());
var repositoryMedian = await MeasureAsync("repository", repository, expectedFindings: 0);

var tree = AbsolutePath.Create(await BenchmarkTree.GetOrCreateAsync());
await MeasureAsync("generated tree", tree, expectedFindings: BenchmarkTree.Planted);

Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"goal: repository scan under {GoalMilliseconds:0} ms (median of {Runs}): {(repositoryMedian < GoalMilliseconds ? "met" : "not met")} ({repositoryMedian:0} ms)"));

async Task<double> MeasureAsync(string name, AbsolutePath root, int expectedFindings)
{
    var result = await scanner.ScanTrackedFilesAsync(root);
    foreach (var finding in result.Findings.Take(20))
    {
        Console.WriteLine($"  {finding}");
    }

    foreach (var note in result.Notes)
    {
        Console.WriteLine($"  note: {note}");
    }

    var times = new List<double>();
    for (var index = 0; index < Runs; index++)
    {
        var clock = Stopwatch.StartNew();
        await scanner.ScanTrackedFilesAsync(root);
        times.Add(clock.Elapsed.TotalMilliseconds);
    }

    var median = times.Order().ElementAt(Runs / 2);
    var megabytes = result.BytesScanned / 1024.0 / 1024.0;
    var each = string.Join(", ", times.Select(time => time.ToString("0", CultureInfo.InvariantCulture)));
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"{name}: {result.FilesScanned} files, {megabytes:0.0} MB, {result.Findings.Count} findings (expected {expectedFindings}); {each} ms; median {median:0} ms; {result.FilesScanned / (median / 1000):0} files/s, {megabytes / (median / 1000):0.0} MB/s"));
    return median;
}

static string FindRepositoryRoot()
{
    foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (Directory.Exists(Path.Combine(folder.FullName, ".nuke")) && File.Exists(Path.Combine(folder.FullName, "Solution.sln")))
            {
                return folder.FullName;
            }
        }
    }

    throw new InvalidOperationException("Run the benchmark from a checkout of the repository (no folder with .nuke/ and Solution.sln above here).");
}
