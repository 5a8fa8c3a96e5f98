using System.Reflection;
using Kiln.Definition;

namespace Kiln.Engine.Benchmarks;

/// <summary>
/// A target graph of the given size built from the engine's own types: a <see cref="TargetNode"/> per target with its
/// <see cref="TargetDefinition"/>, DependsOn edges resolved into <see cref="TargetNode.Dependencies"/> as
/// <see cref="TargetGraph.Create"/> leaves them. Create reads a build class by reflection, and a class with 10,000
/// Target properties is not worth generating to time the planner, so the nodes are made directly and handed to
/// TargetGraph's own (private) constructor, which indexes them by name as Create does.
/// </summary>
internal static class GeneratedGraph
{
    /// <summary>
    /// Target i depends on target i - 1 (so invoking the last target schedules all of them) and on distinct earlier
    /// targets picked by a seeded random generator, until the graph has <paramref name="edges"/> edges. Acyclic by
    /// construction: every edge points to an earlier target.
    /// </summary>
    public static TargetGraph Create(int targets, int edges, int seed = 9)
    {
        if (edges < targets - 1)
        {
            throw new ArgumentOutOfRangeException(nameof(edges), "The chain alone needs targets - 1 edges.");
        }

        Target target = definition => definition;
        var nodes = Enumerable.Range(0, targets)
            .Select(index => new TargetNode($"Target{index:00000}", index, new TargetDefinition(), target))
            .ToList();

        var count = 0;
        for (var index = 1; index < targets; index++)
        {
            nodes[index].Dependencies.Add(nodes[index - 1]);
            count++;
        }

        var random = new Random(seed);
        while (count < edges)
        {
            var from = random.Next(2, targets);
            var to = nodes[random.Next(0, from - 1)];
            if (!nodes[from].Dependencies.Contains(to))
            {
                nodes[from].Dependencies.Add(to);
                count++;
            }
        }

        var constructor = typeof(TargetGraph).GetConstructor(BindingFlags.Instance | BindingFlags.NonPublic, [typeof(IReadOnlyList<TargetNode>)])
            ?? throw new InvalidOperationException("TargetGraph has no constructor taking its nodes: update GeneratedGraph.");
        return (TargetGraph)constructor.Invoke([nodes]);
    }

    public static int CountEdges(TargetGraph graph) =>
        graph.Targets.Sum(node => node.Dependencies.Count + node.Triggered.Count + node.RunsAfter.Count);
}
