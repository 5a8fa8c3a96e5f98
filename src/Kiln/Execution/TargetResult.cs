namespace Kiln.Execution;

/// <summary>One row of the summary: a target, how it ended, how long it took, and a short note.</summary>
internal sealed class TargetResult(string name)
{
    public string Name { get; } = name;

    public TargetStatus Status { get; set; } = TargetStatus.NotRun;

    public TimeSpan Duration { get; set; }

    /// <summary>A short note: why it was skipped, what failed, or what the target reported (test counts).</summary>
    public string? Note { get; set; }

    public bool HasRun => Status is TargetStatus.Succeeded or TargetStatus.Failed or TargetStatus.Aborted;
}
