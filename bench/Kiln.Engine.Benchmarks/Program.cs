using System.Diagnostics;
using System.Globalization;
using Kiln.Engine.Benchmarks;
using Kiln.Planning;

// Times Planner.Plan on a generated graph of 10,000 targets and 50,000 DependsOn edges, invoking the last target
// (which schedules every one): one warm-up, then five timed runs; prints each time, the median and the goal.
const int Targets = 10_000;
const int Edges = 50_000;
const int Runs = 5;
const double GoalMilliseconds = 100;

var clock = Stopwatch.StartNew();
var graph = GeneratedGraph.Create(Targets, Edges);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"graph: {graph.Targets.Count} targets, {GeneratedGraph.CountEdges(graph)} edges (generated in {clock.Elapsed.TotalMilliseconds:0} ms)"));

string[] invoked = [graph.Targets[^1].Name];
var warmUp = Stopwatch.StartNew();
var plan = Planner.Plan(graph, invoked, skip: null);
warmUp.Stop();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"warm-up: {warmUp.Elapsed.TotalMilliseconds:0} ms, {plan.Targets.Count} targets planned, first {plan.Targets[0].Name}, last {plan.Targets[^1].Name}"));

// Wall time, and the processor time the process used meanwhile: on a shared machine the first waits for other
// processes, the second counts only this one's work (all its threads: the planner, the JIT and the GC).
var times = new List<double>();
var processorTimes = new List<double>();
using var process = Process.GetCurrentProcess();
for (var run = 0; run < Runs; run++)
{
    process.Refresh();
    var processorBefore = process.TotalProcessorTime;
    var timer = Stopwatch.StartNew();
    Planner.Plan(graph, invoked, skip: null);
    times.Add(timer.Elapsed.TotalMilliseconds);
    process.Refresh();
    processorTimes.Add((process.TotalProcessorTime - processorBefore).TotalMilliseconds);
}

var median = times.Order().ElementAt(Runs / 2);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"plan: {string.Join(", ", times.Select(time => time.ToString("0.0", CultureInfo.InvariantCulture)))} ms; median {median:0.0} ms"));
var processorMedian = processorTimes.Order().ElementAt(Runs / 2);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"processor time: {string.Join(", ", processorTimes.Select(time => time.ToString("0", CultureInfo.InvariantCulture)))} ms; median {processorMedian:0} ms"));

// Where the time goes: the same plan without the static conditions and skip cascade (as workflow generation plans).
var bare = new List<double>();
for (var run = 0; run < Runs; run++)
{
    var timer = Stopwatch.StartNew();
    Planner.Plan(graph, invoked, skip: null, applyConditions: false);
    bare.Add(timer.Elapsed.TotalMilliseconds);
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"plan without conditions and skip cascade: median {bare.Order().ElementAt(Runs / 2):0.0} ms"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"goal: under {GoalMilliseconds:0} ms (median of {Runs}): {(median < GoalMilliseconds ? "met" : "not met")}"));
// The last lines are for bench/run.sh: the medians in milliseconds.
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median-ms={median:0.0}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median-cpu-ms={processorMedian:0}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first-ms={warmUp.Elapsed.TotalMilliseconds:0}"));
return 0;
