using System.Diagnostics;
using System.Globalization;
using Kiln.Versioning;
using Kiln.Versioning.Benchmarks;
using Kiln.Versioning.Git;

// Times reading and calculating a version on the generated repository: one warm-up, then five timed runs each.
const int Runs = 5;
const double GoalMilliseconds = 1000;
var noCi = new Dictionary<string, string>();

var repository = await BenchmarkRepository.GetOrCreateAsync();
Console.WriteLine($"repository: {repository} ({BenchmarkRepository.Commits} commits, {BenchmarkRepository.Merges} merges, {BenchmarkRepository.Tags} tags)");

await MeasureAsync("read", async () =>
{
    var snapshot = await GitRepositoryReader.ReadAsync(repository, new GitReadOptions { Environment = noCi });
    return $"{snapshot.History.AllCommits.Count()} commits, {snapshot.History.Tags.Count} tags, {snapshot.History.Branches.Count} branches";
});
await MeasureAsync("read with paths", async () =>
{
    var snapshot = await GitRepositoryReader.ReadAsync(repository, new GitReadOptions { ReadPaths = true, Environment = noCi });
    return $"{snapshot.History.AllCommits.Sum(commit => commit.Paths?.Count ?? 0)} paths";
});

double? calculate;
try
{
    calculate = await MeasureAsync("calculate", async () => (await GitVersion.CalculateAsync(repository, environment: noCi)).FullSemVer);
}
catch (NotImplementedException)
{
    Console.WriteLine("calculate: not implemented yet");
    calculate = null;
}

Console.WriteLine(calculate is { } median
    ? $"goal: under {GoalMilliseconds:0} ms (median of {Runs}): {(median < GoalMilliseconds ? "met" : "not met")}"
    : $"goal: under {GoalMilliseconds:0} ms (median of {Runs}): not measured (no calculator)");

static async Task<double> MeasureAsync(string name, Func<Task<string>> run)
{
    var result = await run();
    var times = new List<double>();
    for (var index = 0; index < Runs; index++)
    {
        var clock = Stopwatch.StartNew();
        await run();
        times.Add(clock.Elapsed.TotalMilliseconds);
    }

    var median = times.Order().ElementAt(Runs / 2);
    var each = string.Join(", ", times.Select(time => time.ToString("0", CultureInfo.InvariantCulture)));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {each} ms; median {median:0} ms ({result})"));
    return median;
}
