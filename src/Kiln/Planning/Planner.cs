using Kiln.Definition;

namespace Kiln.Planning;

/// <summary>
/// Turns the invoked targets and the graph's edges into an ordered plan: schedules dependencies and
/// triggered targets, applies --skip and static conditions (with the WhenSkipped cascade), rejects
/// cycles, and orders the rest with declaration order breaking ties.
/// </summary>
internal static class Planner
{
    /// <param name="graph">All targets of the build.</param>
    /// <param name="invokedNames">The targets asked for (already defaulted when none were given).</param>
    /// <param name="skip">null: no --skip; empty: bare --skip (everything not invoked); names: those targets.</param>
    /// <param name="applyConditions">False when planning for another machine (workflow generation): static conditions are not evaluated here.</param>
    public static ExecutionPlan Plan(TargetGraph graph, IReadOnlyList<string> invokedNames, IReadOnlyList<string>? skip, bool applyConditions = true)
    {
        var invoked = invokedNames.Select(name => FindTarget(graph, name)).Distinct().ToList();
        var (scheduled, isScheduled) = Schedule(graph, invoked);
        var planned = new Dictionary<TargetNode, PlannedTarget>(scheduled.Count);
        foreach (var node in scheduled)
        {
            planned[node] = new PlannedTarget(node, invoked.Contains(node));
        }

        ApplySkip(graph, planned, skip);
        if (applyConditions)
        {
            ApplyStaticConditions(planned);
            ApplySkipCascade(planned);
        }

        var order = Order(graph, scheduled, isScheduled);
        return new ExecutionPlan(order.Select(node => planned[node]).ToList());
    }

    private static TargetNode FindTarget(TargetGraph graph, string name) =>
        graph.Find(name) ?? throw new KilnException(graph.LeftOutReason(name) is { } reason
            ? $"{name} is left out of this build: {reason}"
            : $"Unknown target '{name}'.{NameSuggestions.DidYouMean(name, graph.Targets.Select(target => target.Name))} Run with --help to list the targets.");

    // Node indexes are positions in the graph, so arrays indexed by them stand in for sets and dictionaries of nodes:
    // on 10,000 targets and 50,000 edges hashing the nodes was most of the planning time.

    /// <summary>The invoked targets and everything they depend on or trigger, in declaration order, and by index whether each is.</summary>
    private static (List<TargetNode> Scheduled, bool[] IsScheduled) Schedule(TargetGraph graph, IEnumerable<TargetNode> invoked)
    {
        var isScheduled = new bool[graph.Targets.Count];
        var pending = new Stack<TargetNode>(invoked);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (isScheduled[node.Index])
            {
                continue;
            }

            isScheduled[node.Index] = true;
            foreach (var next in node.Dependencies)
            {
                pending.Push(next);
            }

            foreach (var next in node.Triggered)
            {
                pending.Push(next);
            }
        }

        var scheduled = new List<TargetNode>();
        for (var index = 0; index < isScheduled.Length; index++)
        {
            if (isScheduled[index])
            {
                scheduled.Add(graph.Targets[index]);
            }
        }

        return (scheduled, isScheduled);
    }

    private static void ApplySkip(TargetGraph graph, Dictionary<TargetNode, PlannedTarget> planned, IReadOnlyList<string>? skip)
    {
        if (skip is null)
        {
            return;
        }

        if (skip.Count == 0)
        {
            foreach (var target in planned.Values.Where(target => !target.IsInvoked))
            {
                target.SkipReason = "skipped by --skip";
            }

            return;
        }

        // Skipping a target the build left out asks for what is so already.
        foreach (var name in skip.Where(name => graph.LeftOutReason(name) is null))
        {
            var node = FindTarget(graph, name);
            if (planned.TryGetValue(node, out var target))
            {
                target.SkipReason = "skipped by --skip";
            }
        }
    }

    private static void ApplyStaticConditions(Dictionary<TargetNode, PlannedTarget> planned)
    {
        foreach (var target in planned.Values.Where(target => !target.IsSkipped && target.Node.Definition.StaticConditions.Count > 0).OrderBy(target => target.Node.Index))
        {
            var failed = target.Node.Definition.StaticConditions.FirstOrDefault(condition => !condition.Evaluate());
            if (failed is not null)
            {
                target.SkipReason = $"condition false: {failed.Text}";
                target.CascadesSkip = target.Node.Definition.SkippedBehavior == DependencyBehavior.Skip;
            }
        }
    }

    /// <summary>
    /// A dependency is skipped with its dependents when it was not invoked, nothing triggers it, and every
    /// scheduled target that depends on it is skipped with DependencyBehavior.Skip (or by this cascade).
    /// </summary>
    private static void ApplySkipCascade(Dictionary<TargetNode, PlannedTarget> planned)
    {
        // Only a target skipped with DependencyBehavior.Skip starts a cascade: with none, nothing below can change.
        if (!planned.Values.Any(target => target.CascadesSkip))
        {
            return;
        }

        // Who depends on each target (in plan-dictionary order, as the note lists them) and what is triggered, computed
        // once: asking every target of the plan again for each candidate made this quadratic in the plan's size.
        var dependentsOf = new Dictionary<TargetNode, List<PlannedTarget>>();
        var triggeredNodes = new HashSet<TargetNode>();
        foreach (var other in planned.Values)
        {
            foreach (var dependency in other.Node.Dependencies)
            {
                if (!dependentsOf.TryGetValue(dependency, out var dependents))
                {
                    dependentsOf[dependency] = dependents = [];
                }

                if (dependents.Count == 0 || dependents[^1] != other)
                {
                    dependents.Add(other);
                }
            }

            triggeredNodes.UnionWith(other.Node.Triggered);
        }

        bool changed;
        do
        {
            changed = false;
            foreach (var target in planned.Values.Where(target => !target.IsSkipped && !target.IsInvoked).OrderBy(target => target.Node.Index))
            {
                var node = target.Node;
                var dependents = dependentsOf.GetValueOrDefault(node) ?? [];
                var triggered = triggeredNodes.Contains(node);
                if (!triggered && dependents.Count > 0 && dependents.All(dependent => dependent.CascadesSkip))
                {
                    target.SkipReason = $"dependency of skipped {string.Join(", ", dependents.Select(dependent => dependent.Name))}";
                    target.CascadesSkip = true;
                    changed = true;
                }
            }
        }
        while (changed);
    }

    /// <summary>Kahn's algorithm; among the ready targets the one declared first goes next.</summary>
    private static List<TargetNode> Order(TargetGraph graph, List<TargetNode> scheduled, bool[] isScheduled)
    {
        // An edge may be declared twice (DependsOn and DependentFor); counting it once per direction keeps the
        // predecessor counts and successor lists in step, so a duplicate only repeats a decrement it also counted.
        var waitingFor = new int[graph.Targets.Count];
        var successors = new List<TargetNode>?[graph.Targets.Count];
        void AddEdge(TargetNode before, TargetNode after)
        {
            waitingFor[after.Index]++;
            (successors[before.Index] ??= []).Add(after);
        }

        foreach (var node in scheduled)
        {
            foreach (var before in node.Dependencies)
            {
                if (isScheduled[before.Index])
                {
                    AddEdge(before, node);
                }
            }

            foreach (var before in node.RunsAfter)
            {
                if (isScheduled[before.Index])
                {
                    AddEdge(before, node);
                }
            }

            foreach (var after in node.Triggered)
            {
                if (isScheduled[after.Index])
                {
                    AddEdge(node, after);
                }
            }
        }

        // Kahn's algorithm with a queue ordered by declaration: each ready target is found once, not by scanning
        // everything that remains at every step (which made planning quadratic in the number of targets).
        // Each scheduled target enters the queue at most once.
        var ready = new IndexQueue(scheduled.Count);
        foreach (var node in scheduled)
        {
            if (waitingFor[node.Index] == 0)
            {
                ready.Enqueue(node.Index);
            }
        }

        var order = new List<TargetNode>(scheduled.Count);
        while (ready.TryDequeue(out var index))
        {
            var next = graph.Targets[index];
            order.Add(next);
            foreach (var successor in successors[next.Index] ?? [])
            {
                if (--waitingFor[successor.Index] == 0)
                {
                    ready.Enqueue(successor.Index);
                }
            }
        }

        if (order.Count < scheduled.Count)
        {
            var remaining = new HashSet<TargetNode>(scheduled);
            remaining.ExceptWith(order);
            throw new KilnException(
                $"The target graph has a cycle: {DescribeCycle(remaining)} (each arrow points to a target that must run first). Remove one of these edges.");
        }

        return order;
    }

    /// <summary>What must run before a node, among the scheduled targets: its dependencies, After targets and triggers.</summary>
    private static IEnumerable<TargetNode> Predecessors(TargetNode node, HashSet<TargetNode> remaining) =>
        node.Dependencies.Concat(node.RunsAfter).Concat(remaining.Where(other => other.Triggered.Contains(node))).Where(remaining.Contains);

    private static string DescribeCycle(HashSet<TargetNode> remaining)
    {
        // Every remaining node has a remaining predecessor, so walking them must revisit a node.
        var path = new List<TargetNode>();
        var node = remaining.MinBy(candidate => candidate.Index)!;
        while (!path.Contains(node))
        {
            path.Add(node);
            node = Predecessors(node, remaining).MinBy(candidate => candidate.Index)!;
        }

        var cycle = path.Skip(path.IndexOf(node)).Append(node);
        return string.Join(" -> ", cycle.Select(target => target.Name));
    }
}
