using Kiln.Definition;

namespace Kiln.Planning;

/// <summary>The ordered targets of one run. Every target appears after all the targets it must run after.</summary>
internal sealed class ExecutionPlan(IReadOnlyList<PlannedTarget> targets)
{
    public IReadOnlyList<PlannedTarget> Targets { get; } = targets;

    public PlannedTarget? Find(TargetNode node) => Targets.FirstOrDefault(target => target.Node == node);

    public bool Contains(TargetNode node) => Find(node) is not null;

    /// <summary>The scheduled targets that must finish before <paramref name="node"/> starts.</summary>
    public IEnumerable<TargetNode> Predecessors(TargetNode node)
    {
        var scheduled = Targets.Select(target => target.Node).ToHashSet();
        var before = node.Dependencies.Concat(node.RunsAfter)
            .Concat(scheduled.Where(other => other.Triggered.Contains(node)));
        return before.Where(scheduled.Contains).Distinct();
    }
}
