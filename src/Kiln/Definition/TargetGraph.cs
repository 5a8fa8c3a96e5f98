using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace Kiln.Definition;

/// <summary>All targets of a build, read from the build class and the interfaces it implements: through the code Kiln's source generator wrote for the class, else by reflection.</summary>
internal sealed class TargetGraph
{
    private const BindingFlags DeclaredMembers = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    private readonly Dictionary<string, TargetNode> byName;

    private TargetGraph(IReadOnlyList<TargetNode> targets, IReadOnlyList<TargetNode> leftOut)
    {
        Targets = targets;
        LeftOut = leftOut;
        byName = targets.ToDictionary(target => target.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The targets in declaration order: the build class (base types first), then interface defaults.</summary>
    public IReadOnlyList<TargetNode> Targets { get; }

    /// <summary>The targets the build leaves out (<see cref="ITargetDefinition.LeftOut"/>), with no edges; not in <see cref="Targets"/>.</summary>
    public IReadOnlyList<TargetNode> LeftOut { get; }

    public TargetNode? Find(string name) => byName.GetValueOrDefault(name);

    /// <summary>Why the target of this name is left out of the build; null when it is in, or is no target at all.</summary>
    public string? LeftOutReason(string name) =>
        LeftOut.FirstOrDefault(node => string.Equals(node.Name, name, StringComparison.OrdinalIgnoreCase))?.Definition.LeftOutReason;

    /// <summary>One warning line per left-out target, for --help and --plan.</summary>
    public IEnumerable<string> LeftOutWarnings() => LeftOut.Select(node => $"{node.Name} is left out of this build: {node.Definition.LeftOutReason}");

    public static TargetGraph Create(object build)
    {
        var definitions = new List<(TargetSource Source, TargetDefinition Definition, Target Target)>();
        foreach (var source in FindTargets(build))
        {
            var target = source.Read()
                ?? throw new KilnException($"Target '{source.Name}' is null: declare it as 'Target {source.Name} => _ => _.Executes(...)'.");
            var definition = new TargetDefinition();
            try
            {
                target(definition);
            }
            catch (Exception exception) when (exception is not KilnException)
            {
                throw new KilnException($"Target '{source.Name}' could not be defined: {exception.Message}", exception);
            }

            definitions.Add((source, definition, target));
        }

        // Indexes are positions among the targets that are in, which the planner uses as array indexes.
        var nodes = new List<TargetNode>();
        var leftOut = new List<TargetNode>();
        foreach (var (source, definition, target) in definitions)
        {
            var list = definition.LeftOutReason is null ? nodes : leftOut;
            list.Add(new TargetNode(source.Name, list.Count, definition, target, source.Property));
        }

        var graph = new TargetGraph(nodes, leftOut);
        graph.ResolveEdges(build);
        return graph;
    }

    /// <summary>
    /// The build's targets in declaration order (<see cref="FindTargetProperties"/>): as the source generator listed
    /// them, read by generated code, or by reflection for a build compiled without it.
    /// </summary>
    private static List<TargetSource> FindTargets(object build)
    {
        var buildType = build.GetType();
        if (GeneratedBuildMembers.For(buildType) is not { } generated)
        {
            return FindTargetProperties(buildType).Select(property => new TargetSource(property.Name, () => (Target?)property.GetValue(build), () => property)).ToList();
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        return [.. GeneratedMember.ClassThenInterfaces(generated.Targets, target => target.Member, InterfacesInOrder(buildType))
            .Where(target => names.Add(target.Member.Name))
            .Select(Source)];

        TargetSource Source(GeneratedTarget target) =>
            new(target.Member.Name, () => generated.GetTarget(build, target.Index), () => (PropertyInfo?)target.Member.Find());
    }

    /// <summary>Target properties in declaration order; an interface's member counts once, under its own name.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = BuildClassReflection.Justification)]
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = BuildClassReflection.Justification)]
    private static List<PropertyInfo> FindTargetProperties(Type buildType)
    {
        var hierarchy = new List<Type>();
        for (var type = buildType; type is not null && type != typeof(object); type = type.BaseType)
        {
            hierarchy.Insert(0, type);
        }

        var found = new List<PropertyInfo>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in hierarchy)
        {
            foreach (var property in type.GetProperties(DeclaredMembers).OrderBy(property => property.MetadataToken))
            {
                // Explicit interface implementations ("IFoo.Compile") are reached through the interface below.
                if (IsTarget(property) && !property.Name.Contains('.', StringComparison.Ordinal) && names.Add(property.Name))
                {
                    found.Add(property);
                }
            }
        }

        foreach (var contract in InterfacesInOrder(buildType))
        {
            foreach (var property in contract.GetProperties().OrderBy(property => property.MetadataToken))
            {
                if (IsTarget(property) && names.Add(property.Name))
                {
                    found.Add(property);
                }
            }
        }

        return found;
    }

    /// <summary>GetInterfaces has no defined order; a base interface has fewer ancestors than those extending it, so it comes first.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = BuildClassReflection.Justification)]
    private static IEnumerable<Type> InterfacesInOrder(Type buildType) => buildType.GetInterfaces().OrderBy(contract => contract.GetInterfaces().Length);

    /// <summary>A readable Target property without index parameters; its signature is read first (see <see cref="LoadedMetadata"/>).</summary>
    private static bool IsTarget(PropertyInfo property) =>
        property.GetMethod is not null && LoadedMetadata.MayHaveType(property, typeof(Target))
        && property.PropertyType == typeof(Target) && property.GetIndexParameters().Length == 0;

    private void ResolveEdges(object build)
    {
        foreach (var node in Targets)
        {
            var definition = node.Definition;
            node.Dependencies.AddRange(Resolve(build, node, definition.DependsOnTargets));
            node.Triggered.AddRange(Resolve(build, node, definition.TriggersTargets));
            node.RunsAfter.AddRange(Resolve(build, node, definition.AfterTargets));
            foreach (var dependent in Resolve(build, node, definition.DependentForTargets))
            {
                dependent.Dependencies.Add(node);
            }

            foreach (var trigger in Resolve(build, node, definition.TriggeredByTargets))
            {
                trigger.Triggered.Add(node);
            }

            foreach (var later in Resolve(build, node, definition.BeforeTargets))
            {
                later.RunsAfter.Add(node);
            }

            foreach (var (producer, patterns) in definition.ConsumedArtifacts)
            {
                foreach (var resolved in Resolve(build, node, [producer]))
                {
                    node.Consumes.Add((resolved, patterns));
                }
            }
        }

        foreach (var node in Targets)
        {
            Deduplicate(node.Dependencies);
            Deduplicate(node.Triggered);
            Deduplicate(node.RunsAfter);
        }
    }

    /// <summary>The nodes the references name; an edge to a left-out target is dropped.</summary>
    private IEnumerable<TargetNode> Resolve(object build, TargetNode owner, IEnumerable<TargetReference> references)
    {
        foreach (var reference in references)
        {
            var target = reference.Resolve(build);
            if (FindByDelegate(Targets, target) is { } node)
            {
                yield return node;
            }
            else if (FindByDelegate(LeftOut, target) is null)
            {
                throw new KilnException($"Target '{owner.Name}' refers to a target that is not a Target property of the build: declare it as a property so it has a name.");
            }
        }
    }

    private static TargetNode? FindByDelegate(IReadOnlyList<TargetNode> nodes, Target target)
    {
        // A property getter creates a new delegate per call; delegates of one lambda compare equal
        // when they close over the same object, and otherwise the lambda's method identifies it.
        return nodes.FirstOrDefault(node => node.Target.Equals(target))
            ?? nodes.SingleOrDefault(node => node.Target.Method == target.Method);
    }

    private static void Deduplicate(List<TargetNode> nodes)
    {
        var distinct = nodes.Distinct().ToList();
        nodes.Clear();
        nodes.AddRange(distinct);
    }
}
