namespace Kiln.Execution;

/// <summary>What a run did, in plan order.</summary>
internal sealed class BuildSummary(IReadOnlyList<TargetResult> results, TimeSpan duration, bool wasInterrupted)
{
    public IReadOnlyList<TargetResult> Results { get; } = results;

    public TimeSpan Duration { get; } = duration;

    public bool WasInterrupted { get; } = wasInterrupted;

    public bool Succeeded => !WasInterrupted && Results.All(result => result.Status is not (TargetStatus.Failed or TargetStatus.Aborted));

    /// <summary>0 on success, 130 after Ctrl-C (as shells report SIGINT), 1 on any other failure.</summary>
    public int ExitCode => Succeeded ? 0 : WasInterrupted ? BuildRunner.InterruptedExitCode : 1;
}
