using System.Text;
using Kiln.Definition;

namespace Kiln.Planning;

/// <summary>Shows a plan as numbered text, and as a Mermaid graph (execution, ordering and trigger edges drawn differently).</summary>
internal static class PlanWriter
{
    public static IReadOnlyList<string> ToText(ExecutionPlan plan)
    {
        var lines = new List<string> { "Plan:" };
        var width = plan.Targets.Count.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
        for (var i = 0; i < plan.Targets.Count; i++)
        {
            var target = plan.Targets[i];
            var notes = new List<string>();
            if (target.IsInvoked)
            {
                notes.Add("invoked");
            }

            if (target.SkipReason is not null)
            {
                notes.Add(target.SkipReason);
            }

            var suffix = notes.Count > 0 ? $"  ({string.Join("; ", notes)})" : string.Empty;
            lines.Add($"  {(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width)}. {target.Name}{suffix}");
        }

        var together = PlanWaves.Of(plan).Where(wave => wave.Count > 1).ToList();
        if (together.Count > 0)
        {
            lines.Add("Side by side (with --max-parallel 2 or more):");
            lines.AddRange(together.Select(wave => $"  {string.Join(" | ", wave.Select(target => target.Name))}"));
        }

        return lines;
    }

    public static string ToMermaid(ExecutionPlan plan)
    {
        var scheduled = plan.Targets.Select(target => target.Node).ToHashSet();
        var mermaid = new StringBuilder();
        mermaid.AppendLine("# Build plan");
        mermaid.AppendLine();
        mermaid.AppendLine("Solid arrows: runs after (DependsOn). Dotted: ordering only (After/Before). Thick: triggers.");
        mermaid.AppendLine();
        mermaid.AppendLine("```mermaid");
        mermaid.AppendLine("graph LR");
        foreach (var target in plan.Targets)
        {
            var label = target.IsSkipped ? $"{target.Name} (skipped)" : target.Name;
            mermaid.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"  {Id(target.Node)}[\"{label}\"]");
        }

        foreach (var node in plan.Targets.Select(target => target.Node))
        {
            foreach (var dependency in node.Dependencies.Where(scheduled.Contains))
            {
                mermaid.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"  {Id(dependency)} --> {Id(node)}");
            }

            foreach (var earlier in node.RunsAfter.Where(scheduled.Contains))
            {
                mermaid.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"  {Id(earlier)} -.-> {Id(node)}");
            }

            foreach (var triggered in node.Triggered.Where(scheduled.Contains))
            {
                mermaid.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"  {Id(node)} ==> {Id(triggered)}");
            }
        }

        mermaid.AppendLine("```");
        return mermaid.ToString();
    }

    private static string Id(TargetNode node) => "t_" + node.Name;
}
