namespace Kiln.Definition;

/// <summary>A target of the graph with its edges resolved to other nodes (both directions of each edge kind folded in).</summary>
internal sealed class TargetNode(string name, int index, TargetDefinition definition, Target target, Func<System.Reflection.PropertyInfo?>? property = null)
{
    private readonly Lazy<System.Reflection.PropertyInfo?> property = new(property ?? (static () => null));

    /// <summary>The property that declares the target, for attributes on it; found by reflection when first asked for.</summary>
    public System.Reflection.PropertyInfo? Property => property.Value;

    public string Name { get; } = name;

    /// <summary>Declaration order; breaks ties in the plan.</summary>
    public int Index { get; } = index;

    public TargetDefinition Definition { get; } = definition;

    public Target Target { get; } = target;

    public string? Description => Definition.DescriptionText;

    /// <summary>Execution dependencies: they run first and are scheduled with this target (DependsOn, and DependentFor pointing here).</summary>
    public List<TargetNode> Dependencies { get; } = [];

    /// <summary>Targets scheduled to run after this one whenever this one is (Triggers, and TriggeredBy pointing here).</summary>
    public List<TargetNode> Triggered { get; } = [];

    /// <summary>Ordering only: when both are scheduled, these run before this target (After, and Before pointing here).</summary>
    public List<TargetNode> RunsAfter { get; } = [];

    /// <summary>The producers whose artifacts this target consumes.</summary>
    public List<(TargetNode Producer, IReadOnlyList<string> Patterns)> Consumes { get; } = [];

    public override string ToString() => Name;
}
