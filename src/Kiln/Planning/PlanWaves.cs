namespace Kiln.Planning;

/// <summary>
/// A plan in waves: each target one wave after the furthest target it runs after (DependsOn, After/Before, triggers),
/// so no target waits for another of its own wave, and the targets of a wave can run side by side (--max-parallel).
/// </summary>
internal static class PlanWaves
{
    /// <summary>The waves in order, each with its targets in plan order; skipped targets are left out.</summary>
    public static IReadOnlyList<IReadOnlyList<PlannedTarget>> Of(ExecutionPlan plan)
    {
        // Plan order puts every target after those it runs after, so one pass in that order settles each wave.
        var wave = new Dictionary<Definition.TargetNode, int>();
        foreach (var target in plan.Targets)
        {
            wave[target.Node] = plan.Predecessors(target.Node).Where(wave.ContainsKey).Select(before => wave[before] + 1).DefaultIfEmpty(0).Max();
        }

        return [.. plan.Targets.Where(target => !target.IsSkipped)
            .GroupBy(target => wave[target.Node])
            .OrderBy(group => group.Key)
            .Select(group => (IReadOnlyList<PlannedTarget>)[.. group])];
    }
}
