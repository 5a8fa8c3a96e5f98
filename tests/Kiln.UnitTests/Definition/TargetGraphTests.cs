using Kiln.Definition;
using Kiln.Planning;

namespace Kiln.UnitTests.Definition;

public class TargetGraphTests
{
    [Fact]
    public void TargetGraph_lists_class_targets_in_declaration_order_then_interface_defaults_base_interfaces_first()
    {
        var graph = TargetGraph.Create(new ComponentBuild());

        Assert.Equal(["Restore", "Publish", "Compile", "Pack"], graph.Targets.Select(target => target.Name));
    }

    [Fact]
    public void TargetGraph_lists_base_class_targets_before_derived_ones()
    {
        var graph = TargetGraph.Create(new DerivedBuild());

        Assert.Equal(["Clean", "Lint"], graph.Targets.Select(target => target.Name));
    }

    [Fact]
    public void Planner_schedules_an_interface_default_target_as_a_dependency()
    {
        var plan = Planner.Plan(TargetGraph.Create(new ComponentBuild()), ["Pack"], null);

        Assert.Equal(["Restore", "Compile", "Pack"], plan.Targets.Select(target => target.Name));
    }

    [Fact]
    public void Planner_resolves_depends_on_an_interface_target_from_a_class_target()
    {
        var plan = Planner.Plan(TargetGraph.Create(new ComponentBuild()), ["Publish"], null);

        Assert.Equal(["Restore", "Compile", "Pack", "Publish"], plan.Targets.Select(target => target.Name));
    }

    [Fact]
    public void TargetGraph_uses_the_class_target_that_re_implements_an_interface_target()
    {
        var build = new CustomCompileBuild();
        var graph = TargetGraph.Create(build);

        var compile = graph.Find("Compile")!;
        Assert.Equal("Compiles with the custom settings.", compile.Description);
        Assert.Equal(["Restore"], compile.Dependencies.Select(dependency => dependency.Name));
        Assert.Single(graph.Targets, target => target.Name == "Compile");
    }

    [Fact]
    public void TargetGraph_links_interface_dependents_to_the_re_implemented_target()
    {
        var plan = Planner.Plan(TargetGraph.Create(new CustomCompileBuild()), ["Pack"], null);

        Assert.Equal(["Restore", "Compile", "Pack"], plan.Targets.Select(target => target.Name));
    }

    [Fact]
    public void TargetGraph_uses_an_explicit_interface_re_implementation()
    {
        var graph = TargetGraph.Create(new ExplicitCompileBuild());

        Assert.Equal("Explicit compile.", graph.Find("Compile")!.Description);
        Assert.Equal(["Restore", "Compile", "Pack"], graph.Targets.Select(target => target.Name));
    }

    [Fact]
    public void TargetGraph_rejects_a_reference_to_an_interface_the_build_does_not_implement()
    {
        var exception = Assert.Throws<KilnException>(() => TargetGraph.Create(new MissingInterfaceBuild()));

        Assert.Equal(
            "The build does not implement ICompileComponent, so its targets cannot be referenced: add ICompileComponent to the build class's interfaces.",
            exception.Message);
    }

    [Fact]
    public void TargetGraph_names_a_target_whose_definition_throws()
    {
        var exception = Assert.Throws<KilnException>(() => TargetGraph.Create(new ThrowingDefinitionBuild()));

        Assert.Equal("Target 'Broken' could not be defined: no configuration", exception.Message);
    }

    [Fact]
    public void TargetGraph_rejects_a_null_target()
    {
        var exception = Assert.Throws<KilnException>(() => TargetGraph.Create(new NullTargetBuild()));

        Assert.Equal("Target 'Missing' is null: declare it as 'Target Missing => _ => _.Executes(...)'.", exception.Message);
    }

    [Fact]
    public void TargetGraph_rejects_a_partition_size_below_one()
    {
        var exception = Assert.Throws<KilnException>(() => TargetGraph.Create(new PartitionBuild()));

        Assert.Equal("Partition size must be at least 1, not 0: use Partition(2) or more to split a target.", exception.Message);
    }

    [Fact]
    public void TargetGraph_records_consumed_artifacts_by_producer()
    {
        var graph = TargetGraph.Create(new ArtifactBuild());

        var (producer, patterns) = Assert.Single(graph.Find("Test")!.Consumes);
        Assert.Equal("Compile", producer.Name);
        Assert.Equal(["bin/**"], patterns);
        Assert.Equal(["bin/**"], graph.Find("Compile")!.Definition.ProducedPatterns);
    }

    [Fact]
    public void TargetGraph_removes_duplicate_edges()
    {
        var graph = TargetGraph.Create(new DuplicateEdgeBuild());

        Assert.Equal(["A"], graph.Find("B")!.Dependencies.Select(dependency => dependency.Name));
    }

    public interface IRestoreComponent
    {
        Target Restore => _ => _.Description("Restores packages.");
    }

    public interface ICompileComponent : IRestoreComponent
    {
        Target Compile => _ => _.DependsOn<IRestoreComponent>(x => x.Restore);
    }

    public interface IPackComponent : ICompileComponent
    {
        Target Pack => _ => _.DependsOn<ICompileComponent>(x => x.Compile);
    }

    private sealed class ComponentBuild : KilnBuild, IPackComponent
    {
        public Target Restore => _ => _;

        public Target Publish => _ => _.DependsOn<IPackComponent>(x => x.Pack);
    }

    private sealed class CustomCompileBuild : KilnBuild, IPackComponent
    {
        public Target Compile => _ => _
            .Description("Compiles with the custom settings.")
            .DependsOn<IRestoreComponent>(x => x.Restore);
    }

    private sealed class ExplicitCompileBuild : KilnBuild, IPackComponent
    {
        Target ICompileComponent.Compile => _ => _.Description("Explicit compile.");

        Target IRestoreComponent.Restore => _ => _.DependentFor<ICompileComponent>(x => x.Compile);
    }

    private sealed class MissingInterfaceBuild : KilnBuild
    {
        public Target Pack => _ => _.DependsOn<ICompileComponent>(x => x.Compile);
    }

    [Fact]
    public void TargetGraph_finds_targets_typed_by_a_generic_component_s_type_argument_and_skips_indexers_and_other_types()
    {
        var graph = TargetGraph.Create(new GenericComponentBuild());

        Assert.Equal(["Compile", "Chosen"], graph.Targets.Select(target => target.Name));
    }

    [Fact]
    public void A_left_out_target_is_not_in_the_graph_and_edges_to_it_are_dropped()
    {
        var graph = TargetGraph.Create(new LeftOutBuild());

        Assert.Equal(["Compile", "UnitTest", "Test"], graph.Targets.Select(target => target.Name));
        Assert.Equal(["UnitTest"], graph.Find("Test")!.Dependencies.Select(dependency => dependency.Name));
        Assert.Equal(["UnitTest"], graph.Find("Test")!.Consumes.Select(consumed => consumed.Producer.Name));
        Assert.Equal(["IntegrationTest is left out of this build: no integration tests here."], graph.LeftOutWarnings());
    }

    [Fact]
    public void Invoking_a_left_out_target_fails_with_the_reason()
    {
        var exception = Assert.Throws<KilnException>(() => Planner.Plan(TargetGraph.Create(new LeftOutBuild()), ["IntegrationTest"], null));

        Assert.Equal("IntegrationTest is left out of this build: no integration tests here.", exception.Message);
    }

    [Fact]
    public void Skipping_a_left_out_target_plans_the_rest()
    {
        var plan = Planner.Plan(TargetGraph.Create(new LeftOutBuild()), ["Test"], ["IntegrationTest"]);

        Assert.Equal(["Compile", "UnitTest", "Test"], plan.Targets.Select(target => target.Name));
        Assert.All(plan.Targets, target => Assert.False(target.IsSkipped));
    }

    private class BaseBuild : KilnBuild
    {
        public Target Clean => _ => _;
    }

    private sealed class DerivedBuild : BaseBuild
    {
        public Target Lint => _ => _.After(Clean);
    }

    private sealed class ThrowingDefinitionBuild : KilnBuild
    {
        public Target Broken => _ => throw new InvalidOperationException("no configuration");
    }

    private sealed class NullTargetBuild : KilnBuild
    {
        public Target Missing => null!;
    }

    private sealed class PartitionBuild : KilnBuild
    {
        public Target Test => _ => _.Partition(0);
    }

    private sealed class ArtifactBuild : KilnBuild
    {
        public Target Compile => _ => _.Produces("bin/**");

        public Target Test => _ => _.DependsOn(Compile).Consumes(Compile, "bin/**");
    }

    private sealed class DuplicateEdgeBuild : KilnBuild
    {
        public Target A => _ => _.DependentFor(B);

        public Target B => _ => _.DependsOn(A).DependsOn(A);
    }

    private interface IChooses<T>
    {
        T Chosen { get; }
    }

    private sealed class GenericComponentBuild : KilnBuild, IChooses<Target>
    {
        public Target Compile => _ => _;

        public string Name => "not a target";

        public Func<ITargetDefinition, ITargetDefinition> LooksLikeOne => _ => _;

        public Target this[int index] => _ => _;

        Target IChooses<Target>.Chosen => _ => _;
    }

    private sealed class LeftOutBuild : KilnBuild
    {
        public Target Compile => _ => _;

        public Target UnitTest => _ => _.DependsOn(Compile).Produces("unit.trx");

        public Target IntegrationTest => _ => _.DependsOn(Compile).Produces("integration.trx").LeftOut("no integration tests here.");

        public Target Test => _ => _.DependsOn(UnitTest, IntegrationTest).Consumes(UnitTest).Consumes(IntegrationTest);
    }
}
