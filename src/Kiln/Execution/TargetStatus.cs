namespace Kiln.Execution;

/// <summary>How a target ended in one run.</summary>
internal enum TargetStatus
{
    /// <summary>Its actions ran to completion.</summary>
    Succeeded,

    /// <summary>An action threw.</summary>
    Failed,

    /// <summary>--skip, a condition, or a skipped dependent kept it from running.</summary>
    Skipped,

    /// <summary>An earlier failure or an interruption kept it from starting.</summary>
    NotRun,

    /// <summary>It was running when the build was interrupted (Ctrl-C), or when a target running beside it failed.</summary>
    Aborted,

    /// <summary>Its inputs and the parameters were as at its last success and its outputs exist, so it did not run again.</summary>
    UpToDate,
}
