using Kiln.Definition;

namespace Kiln.Planning;

/// <summary>A target in the plan: whether it was asked for, and why it is skipped if it is.</summary>
internal sealed class PlannedTarget(TargetNode node, bool isInvoked)
{
    public TargetNode Node { get; } = node;

    public string Name => Node.Name;

    public bool IsInvoked { get; } = isInvoked;

    /// <summary>Why the plan skips the target (--skip, a static condition, a skipped dependent); null when it runs.</summary>
    public string? SkipReason { get; set; }

    public bool IsSkipped => SkipReason is not null;

    /// <summary>True when skipping this target also skips the dependencies only it needs.</summary>
    public bool CascadesSkip { get; set; }

    public override string ToString() => Name;
}
