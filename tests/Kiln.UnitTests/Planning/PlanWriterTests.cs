using Kiln.Definition;
using Kiln.Planning;

namespace Kiln.UnitTests.Planning;

public class PlanWriterTests
{
    [Fact]
    public void PlanWriter_numbers_the_targets_and_notes_invoked_and_skipped_ones()
    {
        var plan = Planner.Plan(TargetGraph.Create(new GraphBuild()), ["Compile", "Lint"], ["Restore"]);

        Assert.Equal(
            ["Plan:", "  1. Restore  (skipped by --skip)", "  2. Compile  (invoked)", "  3. Report", "  4. Lint  (invoked)", "Side by side (with --max-parallel 2 or more):", "  Report | Lint"],
            PlanWriter.ToText(plan));
    }

    [Fact]
    public void PlanWriter_lists_no_side_by_side_targets_for_a_chain()
    {
        var plan = Planner.Plan(TargetGraph.Create(new GraphBuild()), ["Compile"], null);

        Assert.Equal(["Plan:", "  1. Restore", "  2. Compile  (invoked)", "  3. Report"], PlanWriter.ToText(plan));
    }

    [Fact]
    public void Plan_waves_put_each_target_one_after_the_furthest_it_runs_after_and_leave_skipped_ones_out()
    {
        var plan = Planner.Plan(TargetGraph.Create(new GraphBuild()), ["Compile", "Lint"], ["Restore"]);

        var waves = PlanWaves.Of(plan).Select(wave => string.Join(" | ", wave.Select(target => target.Name)));

        Assert.Equal(["Compile", "Report | Lint"], waves);
    }

    [Fact]
    public void PlanWriter_draws_dependencies_ordering_and_triggers_with_different_arrows()
    {
        var plan = Planner.Plan(TargetGraph.Create(new GraphBuild()), ["Compile", "Lint"], null);

        Assert.Equal(
            "# Build plan\n" +
            "\n" +
            "Solid arrows: runs after (DependsOn). Dotted: ordering only (After/Before). Thick: triggers.\n" +
            "\n" +
            "```mermaid\n" +
            "graph LR\n" +
            "  t_Restore[\"Restore\"]\n" +
            "  t_Compile[\"Compile\"]\n" +
            "  t_Report[\"Report\"]\n" +
            "  t_Lint[\"Lint\"]\n" +
            "  t_Restore --> t_Compile\n" +
            "  t_Compile ==> t_Report\n" +
            "  t_Compile -.-> t_Lint\n" +
            "```\n",
            PlanWriter.ToMermaid(plan).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void PlanWriter_leaves_out_edges_to_targets_that_are_not_scheduled()
    {
        var plan = Planner.Plan(TargetGraph.Create(new GraphBuild()), ["Lint"], null);

        Assert.DoesNotContain("-.->", PlanWriter.ToMermaid(plan), StringComparison.Ordinal);
    }

    [Fact]
    public void PlanWriter_pads_numbers_to_the_same_width()
    {
        var plan = Planner.Plan(TargetGraph.Create(new WideBuild()), ["All"], null);

        var text = PlanWriter.ToText(plan);

        Assert.Equal("   1. T1", text[1]);
        Assert.Equal("  11. All  (invoked)", text[11]);
    }

    private sealed class GraphBuild : KilnBuild
    {
        public Target Restore => _ => _;

        public Target Compile => _ => _.DependsOn(Restore).Triggers(Report);

        public Target Report => _ => _;

        public Target Lint => _ => _.After(Compile);
    }

    private sealed class WideBuild : KilnBuild
    {
        public Target T1 => _ => _;

        public Target T2 => _ => _;

        public Target T3 => _ => _;

        public Target T4 => _ => _;

        public Target T5 => _ => _;

        public Target T6 => _ => _;

        public Target T7 => _ => _;

        public Target T8 => _ => _;

        public Target T9 => _ => _;

        public Target T10 => _ => _;

        public Target All => _ => _.DependsOn(T1, T2, T3, T4, T5, T6, T7, T8, T9, T10);
    }
}
