using Kiln.Execution;
using Kiln.Hosts;
using Kiln.Planning;
using Kiln.Testing;

namespace Kiln.Reporting;

/// <summary>
/// What one run did, as artifacts/run.json holds it and each line of .nuke/temp/history.jsonl: when, how long, how it
/// ended, its targets with their tests and coverage, the version, and the plan's edges for the graph. Parameter values
/// are never recorded, and notes are masked as the console shows them.
/// </summary>
internal sealed record RunRecord
{
    /// <summary>The schema this code writes; a reader refuses records of a later one.</summary>
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    public required DateTimeOffset StartedAt { get; init; }

    public double DurationSeconds { get; init; }

    /// <summary>0 success, 1 a target failed, 130 interrupted.</summary>
    public int ExitCode { get; init; }

    public bool Interrupted { get; init; }

    /// <summary>The targets the command line named, or the default.</summary>
    public IReadOnlyList<string> InvokedTargets { get; init; } = [];

    /// <summary>Where it ran: <c>console</c> or <c>github-actions</c>.</summary>
    public string Host { get; init; } = "console";

    /// <summary>The operating system, as .NET describes it.</summary>
    public string? OperatingSystem { get; init; }

    /// <summary>HEAD's commit, when the root is a git work tree.</summary>
    public string? Commit { get; init; }

    /// <summary>The version a target computed (the Version target's FullSemVer), if one did.</summary>
    public string? Version { get; init; }

    /// <summary>The tests of every target added up; null when no target ran tests.</summary>
    public TestCounts? Tests { get; init; }

    /// <summary>The line coverage, in percent, the last target that measured it found.</summary>
    public double? Coverage { get; init; }

    public IReadOnlyList<TargetRecord> Targets { get; init; } = [];

    public IReadOnlyList<PlanEdge> PlanEdges { get; init; } = [];

    /// <summary>The seconds the targets that ran tests took, together.</summary>
    public double TestDurationSeconds => Targets.Where(target => target.Tests is not null).Sum(target => target.DurationSeconds);

    /// <summary>The record of a finished run.</summary>
    public static RunRecord From(
        ExecutionPlan plan, BuildSummary summary, DateTimeOffset startedAt, string host, string? commit, SecretMasker masker)
    {
        var invoked = plan.Targets.Where(target => target.IsInvoked).Select(target => target.Name).ToList();
        var targets = summary.Results.Select(result => new TargetRecord
        {
            Name = result.Name,
            Status = result.Status,
            DurationSeconds = Math.Round(result.Duration.TotalSeconds, 3),
            Invoked = invoked.Contains(result.Name, StringComparer.OrdinalIgnoreCase),
            Note = result.Note is null ? null : masker.Apply(result.Note),
            Tests = result.Tests,
            Coverage = result.Coverage,
        }).ToList();
        var withTests = summary.Results.Where(result => result.Tests is not null).ToList();
        return new RunRecord
        {
            StartedAt = startedAt,
            DurationSeconds = Math.Round(summary.Duration.TotalSeconds, 3),
            ExitCode = summary.ExitCode,
            Interrupted = summary.WasInterrupted,
            InvokedTargets = invoked,
            Host = host,
            OperatingSystem = System.Runtime.InteropServices.RuntimeInformation.OSDescription,
            Commit = commit,
            Version = summary.Results.Select(result => result.Version).LastOrDefault(version => version is not null),
            Tests = withTests.Count == 0 ? null : withTests.Select(result => result.Tests!).Aggregate(TestCounts.None, TestCounts.Add),
            Coverage = summary.Results.Select(result => result.Coverage).LastOrDefault(coverage => coverage is not null),
            Targets = targets,
            PlanEdges = Edges(plan),
        };
    }

    /// <summary>
    /// Whether the run is worth a record: not when every target that did something only reads the history (a run of
    /// Report alone), so that the report never shows itself as the latest run.
    /// </summary>
    public static bool IsWorthRecording(BuildSummary summary)
    {
        var acted = summary.Results.Where(result => result.Status is not (TargetStatus.Skipped or TargetStatus.NotRun)).ToList();
        return !(acted.Count > 0 && acted.All(result => result.IsExcludedFromHistory));
    }

    /// <summary>The plan's edges among its targets: DependsOn, ordering only (After/Before), and triggers.</summary>
    internal static List<PlanEdge> Edges(ExecutionPlan plan)
    {
        var scheduled = plan.Targets.Select(target => target.Node).ToHashSet();
        var edges = new List<PlanEdge>();
        foreach (var node in plan.Targets.Select(target => target.Node))
        {
            edges.AddRange(node.Dependencies.Where(scheduled.Contains).Select(dependency => new PlanEdge(dependency.Name, node.Name, PlanEdge.DependsOn)));
            edges.AddRange(node.RunsAfter.Where(scheduled.Contains).Select(earlier => new PlanEdge(earlier.Name, node.Name, PlanEdge.After)));
            edges.AddRange(node.Triggered.Where(scheduled.Contains).Select(triggered => new PlanEdge(node.Name, triggered.Name, PlanEdge.Triggers)));
        }

        return edges;
    }
}
