using Kiln.Definition;
using Kiln.Planning;

namespace Kiln.UnitTests.Planning;

public class PlannerTests
{
    [Fact]
    public void Planner_runs_dependencies_before_the_invoked_target()
    {
        Assert.Equal(["Restore", "Compile", "Test"], Plan(new LinearBuild(), "Test"));
    }

    [Fact]
    public void Planner_schedules_only_what_the_invoked_target_needs()
    {
        Assert.Equal(["Restore", "Compile"], Plan(new LinearBuild(), "Compile"));
    }

    [Fact]
    public void Planner_finds_targets_by_name_ignoring_case()
    {
        Assert.Equal(["Restore", "Compile"], Plan(new LinearBuild(), "compile"));
    }

    [Fact]
    public void Planner_marks_only_the_named_targets_as_invoked()
    {
        var plan = Planner.Plan(TargetGraph.Create(new LinearBuild()), ["Test"], null);

        Assert.Equal(["Test"], plan.Targets.Where(target => target.IsInvoked).Select(target => target.Name));
    }

    [Fact]
    public void Planner_schedules_a_target_declared_dependent_for_the_invoked_one()
    {
        Assert.Equal(["Clean", "Compile"], Plan(new DependentForBuild(), "Compile"));
    }

    [Fact]
    public void Planner_does_not_schedule_the_target_a_dependent_for_edge_points_to()
    {
        Assert.Equal(["Clean"], Plan(new DependentForBuild(), "Clean"));
    }

    [Fact]
    public void Planner_orders_an_after_edge_when_both_targets_are_scheduled()
    {
        Assert.Equal(["Clean", "Compile"], Plan(new OrderingBuild(), "Compile", "Clean"));
    }

    [Fact]
    public void Planner_does_not_schedule_the_target_of_an_after_edge()
    {
        Assert.Equal(["Compile"], Plan(new OrderingBuild(), "Compile"));
    }

    [Fact]
    public void Planner_orders_a_before_edge_when_both_targets_are_scheduled()
    {
        Assert.Equal(["Lint", "Compile"], Plan(new OrderingBuild(), "Compile", "Lint"));
    }

    [Fact]
    public void Planner_does_not_schedule_the_target_of_a_before_edge()
    {
        Assert.Equal(["Lint"], Plan(new OrderingBuild(), "Lint"));
    }

    [Fact]
    public void Planner_orders_triggered_targets_after_their_trigger()
    {
        Assert.Equal(["Compile", "Report"], Plan(new TriggersBuild(), "Compile"));
    }

    [Fact]
    public void Planner_schedules_a_target_triggered_by_the_invoked_one()
    {
        Assert.Equal(["Compile", "Notify"], Plan(new TriggeredByBuild(), "Compile"));
    }

    [Fact]
    public void Planner_follows_a_chain_of_triggers()
    {
        Assert.Equal(["A", "B", "C"], Plan(new TriggerChainBuild(), "A"));
    }

    [Fact]
    public void Planner_does_not_schedule_the_trigger_of_an_invoked_target()
    {
        Assert.Equal(["B", "C"], Plan(new TriggerChainBuild(), "B"));
    }

    [Fact]
    public void Planner_breaks_ties_by_declaration_order()
    {
        Assert.Equal(["First", "Second", "Third", "All"], Plan(new TieBuild(), "All"));
    }

    [Fact]
    public void Planner_keeps_declaration_order_when_targets_are_invoked_in_another_order()
    {
        Assert.Equal(["First", "Second", "Third"], Plan(new TieBuild(), "Third", "First", "Second"));
    }

    [Fact]
    public void Planner_lists_each_target_once_when_it_is_invoked_twice()
    {
        Assert.Equal(["Restore", "Compile"], Plan(new LinearBuild(), "Compile", "compile"));
    }

    [Fact]
    public void Planner_skips_a_target_whose_static_condition_is_false()
    {
        var plan = Planner.Plan(TargetGraph.Create(new ConditionBuild { Publishing = false }), ["Publish"], null);

        var publish = plan.Targets.Single(target => target.Name == "Publish");
        Assert.Equal("condition false: Publishing", publish.SkipReason);
    }

    [Fact]
    public void Planner_still_runs_dependencies_of_a_skipped_target_by_default()
    {
        var plan = Planner.Plan(TargetGraph.Create(new ConditionBuild { Publishing = false }), ["Publish"], null);

        Assert.Equal(["Compile"], RunningNames(plan));
    }

    [Fact]
    public void Planner_runs_a_target_whose_static_condition_is_true()
    {
        var plan = Planner.Plan(TargetGraph.Create(new ConditionBuild { Publishing = true }), ["Publish"], null);

        Assert.Equal(["Compile", "Publish"], RunningNames(plan));
    }

    [Fact]
    public void Planner_skips_dependencies_with_a_target_skipped_with_dependency_behavior_skip()
    {
        var plan = Planner.Plan(TargetGraph.Create(new CascadeBuild()), ["Deploy"], null);

        Assert.Equal(["Restore", "Pack", "Deploy"], SkippedNames(plan));
        Assert.Equal("dependency of skipped Deploy", plan.Targets.Single(target => target.Name == "Pack").SkipReason);
        Assert.Equal("dependency of skipped Pack", plan.Targets.Single(target => target.Name == "Restore").SkipReason);
    }

    [Fact]
    public void Planner_keeps_a_dependency_that_another_running_target_needs()
    {
        var plan = Planner.Plan(TargetGraph.Create(new CascadeBuild()), ["Deploy", "Test"], null);

        Assert.Equal(["Restore", "Test"], RunningNames(plan));
        Assert.Equal(["Pack", "Deploy"], SkippedNames(plan));
    }

    [Fact]
    public void Planner_never_cascade_skips_an_invoked_target()
    {
        var plan = Planner.Plan(TargetGraph.Create(new CascadeBuild()), ["Deploy", "Pack"], null);

        Assert.Equal(["Restore", "Pack"], RunningNames(plan));
    }

    [Fact]
    public void Planner_never_cascade_skips_a_triggered_target()
    {
        var plan = Planner.Plan(TargetGraph.Create(new CascadeBuild()), ["Deploy", "Announce"], null);

        Assert.Equal(["Restore", "Announce", "Pack"], RunningNames(plan));
        Assert.Equal(["Deploy"], SkippedNames(plan));
    }

    [Fact]
    public void Planner_bare_skip_skips_every_target_that_was_not_invoked()
    {
        var plan = Planner.Plan(TargetGraph.Create(new LinearBuild()), ["Test"], []);

        Assert.Equal(["Test"], RunningNames(plan));
        Assert.All(SkippedNames(plan), name => Assert.Equal("skipped by --skip", plan.Targets.Single(target => target.Name == name).SkipReason));
        Assert.Equal(["Restore", "Compile"], SkippedNames(plan));
    }

    [Fact]
    public void Planner_skip_with_names_skips_only_those_targets()
    {
        var plan = Planner.Plan(TargetGraph.Create(new LinearBuild()), ["Test"], ["restore"]);

        Assert.Equal(["Compile", "Test"], RunningNames(plan));
        Assert.Equal(["Restore"], SkippedNames(plan));
    }

    [Fact]
    public void Planner_rejects_an_unknown_name_in_skip()
    {
        var exception = Assert.Throws<KilnException>(() => Planner.Plan(TargetGraph.Create(new LinearBuild()), ["Test"], ["Restor"]));

        Assert.Equal("Unknown target 'Restor'. Did you mean Restore? Run with --help to list the targets.", exception.Message);
    }

    [Fact]
    public void Planner_reports_an_unknown_target_with_the_closest_name()
    {
        var exception = Assert.Throws<KilnException>(() => Planner.Plan(TargetGraph.Create(new LinearBuild()), ["Compil"], null));

        Assert.Equal("Unknown target 'Compil'. Did you mean Compile? Run with --help to list the targets.", exception.Message);
    }

    [Fact]
    public void Planner_reports_an_unknown_target_without_suggestion_when_nothing_is_close()
    {
        var exception = Assert.Throws<KilnException>(() => Planner.Plan(TargetGraph.Create(new LinearBuild()), ["Deploy"], null));

        Assert.Equal("Unknown target 'Deploy'. Run with --help to list the targets.", exception.Message);
    }

    [Fact]
    public void Planner_reports_a_cycle_with_its_full_path()
    {
        var exception = Assert.Throws<KilnException>(() => Planner.Plan(TargetGraph.Create(new CycleBuild()), ["A"], null));

        Assert.Equal(
            "The target graph has a cycle: A -> B -> C -> A (each arrow points to a target that must run first). Remove one of these edges.",
            exception.Message);
    }

    [Fact]
    public void Planner_reports_only_the_cycle_when_a_target_outside_it_waits_on_it()
    {
        var exception = Assert.Throws<KilnException>(() => Planner.Plan(TargetGraph.Create(new CycleBuild()), ["Entry"], null));

        Assert.Contains("cycle: A -> B -> C -> A (", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Planner_reports_a_cycle_made_of_ordering_edges_between_scheduled_targets()
    {
        var exception = Assert.Throws<KilnException>(() => Planner.Plan(TargetGraph.Create(new OrderingCycleBuild()), ["X", "Y"], null));

        Assert.Equal(
            "The target graph has a cycle: X -> Y -> X (each arrow points to a target that must run first). Remove one of these edges.",
            exception.Message);
    }

    [Fact]
    public void Planner_reports_a_cycle_that_runs_through_a_trigger()
    {
        var exception = Assert.Throws<KilnException>(() => Planner.Plan(TargetGraph.Create(new TriggerCycleBuild()), ["Compile"], null));

        Assert.Equal(
            "The target graph has a cycle: Report -> Compile -> Report (each arrow points to a target that must run first). Remove one of these edges.",
            exception.Message);
    }

    [Fact]
    public void Planner_orders_an_edge_declared_from_both_ends_once()
    {
        Assert.Equal(["Restore", "Compile", "Test"], Plan(new TwiceDeclaredBuild(), "Test"));
    }

    [Fact]
    public void Planner_ignores_ordering_cycles_when_only_one_side_is_scheduled()
    {
        Assert.Equal(["X"], Plan(new OrderingCycleBuild(), "X"));
    }

    private static List<string> Plan(KilnBuild build, params string[] invoked) =>
        Planner.Plan(TargetGraph.Create(build), invoked, null).Targets.Select(target => target.Name).ToList();

    private static List<string> RunningNames(ExecutionPlan plan) =>
        plan.Targets.Where(target => !target.IsSkipped).Select(target => target.Name).ToList();

    private static List<string> SkippedNames(ExecutionPlan plan) =>
        plan.Targets.Where(target => target.IsSkipped).Select(target => target.Name).ToList();

    private sealed class LinearBuild : KilnBuild
    {
        public Target Restore => _ => _;

        public Target Compile => _ => _.DependsOn(Restore);

        public Target Test => _ => _.DependsOn(Compile);
    }

    private sealed class DependentForBuild : KilnBuild
    {
        public Target Compile => _ => _;

        public Target Clean => _ => _.DependentFor(Compile);
    }

    private sealed class OrderingBuild : KilnBuild
    {
        public Target Compile => _ => _.After(Clean);

        public Target Clean => _ => _;

        public Target Lint => _ => _.Before(Compile);
    }

    private sealed class TriggersBuild : KilnBuild
    {
        public Target Report => _ => _;

        public Target Compile => _ => _.Triggers(Report);
    }

    private sealed class TriggeredByBuild : KilnBuild
    {
        public Target Notify => _ => _.TriggeredBy(Compile);

        public Target Compile => _ => _;
    }

    private sealed class TriggerChainBuild : KilnBuild
    {
        public Target C => _ => _;

        public Target B => _ => _.Triggers(C);

        public Target A => _ => _.Triggers(B);
    }

    private sealed class TriggerCycleBuild : KilnBuild
    {
        // Report runs after Compile (its trigger) yet Compile depends on Report.
        public Target Report => _ => _;

        public Target Compile => _ => _.DependsOn(Report).Triggers(Report);
    }

    private sealed class TwiceDeclaredBuild : KilnBuild
    {
        public Target Test => _ => _.DependsOn(Compile);

        public Target Compile => _ => _.DependsOn(Restore).DependentFor(Test);

        public Target Restore => _ => _.DependentFor(Compile);
    }

    private sealed class TieBuild : KilnBuild
    {
        public Target First => _ => _;

        public Target Second => _ => _;

        public Target Third => _ => _;

        public Target All => _ => _.DependsOn(Third, Second, First);
    }

    private sealed class ConditionBuild : KilnBuild
    {
        public bool Publishing { get; init; }

        public Target Compile => _ => _;

        public Target Publish => _ => _.DependsOn(Compile).OnlyWhenStatic(() => Publishing);
    }

    private sealed class CascadeBuild : KilnBuild
    {
        public Target Restore => _ => _;

        public Target Test => _ => _.DependsOn(Restore);

        public Target Pack => _ => _.DependsOn(Restore);

        public Target Deploy => _ => _.DependsOn(Pack).OnlyWhenStatic(() => false).WhenSkipped(DependencyBehavior.Skip);

        public Target Announce => _ => _.Triggers(Pack);
    }

    private sealed class CycleBuild : KilnBuild
    {
        public Target Entry => _ => _.DependsOn(A);

        public Target A => _ => _.DependsOn(B);

        public Target B => _ => _.DependsOn(C);

        public Target C => _ => _.DependsOn(A);
    }

    private sealed class OrderingCycleBuild : KilnBuild
    {
        public Target X => _ => _.After(Y);

        public Target Y => _ => _.After(X);
    }
}
