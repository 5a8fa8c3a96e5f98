namespace Kiln.Execution;

/// <summary>One row of the summary: a target, how it ended, how long it took, and a short note.</summary>
internal sealed class TargetResult(string name)
{
    public string Name { get; } = name;

    public TargetStatus Status { get; set; } = TargetStatus.NotRun;

    public TimeSpan Duration { get; set; }

    /// <summary>A short note: why it was skipped, what failed, or what the target reported (test counts).</summary>
    public string? Note { get; set; }

    /// <summary>The tests the target ran, when it ran any (read from their TRX files).</summary>
    public Testing.TestCounts? Tests { get; set; }

    /// <summary>The line coverage, in percent, the target measured, if any.</summary>
    public double? Coverage { get; set; }

    /// <summary>The version the target computed, if any.</summary>
    public string? Version { get; set; }

    /// <summary>True for a target that only reads the run history (Report): a run of such targets alone is not recorded.</summary>
    public bool IsExcludedFromHistory { get; set; }

    /// <summary>The tool the target is running now, for its heartbeat; null between tools.</summary>
    public Tooling.ToolCommand? RunningCommand { get; set; }

    public bool HasRun => Status is TargetStatus.Succeeded or TargetStatus.Failed or TargetStatus.Aborted;
}
