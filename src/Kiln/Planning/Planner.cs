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
        var scheduled = Schedule(invoked);
        var planned = scheduled.ToDictionary(node => node, node => new PlannedTarget(node, invoked.Contains(node)));

        ApplySkip(graph, planned, skip);
        if (applyConditions)
        {
            ApplyStaticConditions(planned);
            ApplySkipCascade(planned);
        }

        var order = Order(scheduled);
        return new ExecutionPlan(order.Select(node => planned[node]).ToList());
    }

    private static TargetNode FindTarget(TargetGraph graph, string name) =>
        graph.Find(name) ?? throw new KilnException(
            $"Unknown target '{name}'.{NameSuggestions.DidYouMean(name, graph.Targets.Select(target => target.Name))} Run with --help to list the targets.");

    private static HashSet<TargetNode> Schedule(IEnumerable<TargetNode> invoked)
    {
        var scheduled = new HashSet<TargetNode>();
        var pending = new Stack<TargetNode>(invoked);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (!scheduled.Add(node))
            {
                continue;
            }

            foreach (var next in node.Dependencies.Concat(node.Triggered))
            {
                pending.Push(next);
            }
        }

        return scheduled;
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

        foreach (var name in skip)
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
        foreach (var target in planned.Values.Where(target => !target.IsSkipped).OrderBy(target => target.Node.Index))
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
    private static List<TargetNode> Order(HashSet<TargetNode> scheduled)
    {
        var predecessors = scheduled.ToDictionary(node => node, node => new HashSet<TargetNode>());
        foreach (var node in scheduled)
        {
            foreach (var before in node.Dependencies.Concat(node.RunsAfter).Where(scheduled.Contains))
            {
                predecessors[node].Add(before);
            }

            foreach (var after in node.Triggered.Where(scheduled.Contains))
            {
                predecessors[after].Add(node);
            }
        }

        // Kahn's algorithm with a queue ordered by declaration: each ready target is found once, not by scanning
        // everything that remains at every step (which made planning quadratic in the number of targets).
        var waitingFor = scheduled.ToDictionary(node => node, node => predecessors[node].Count);
        var successors = scheduled.ToDictionary(node => node, _ => new List<TargetNode>());
        foreach (var (node, befores) in predecessors)
        {
            foreach (var before in befores)
            {
                successors[before].Add(node);
            }
        }

        var ready = new PriorityQueue<TargetNode, int>(scheduled.Where(node => waitingFor[node] == 0).Select(node => (node, node.Index)));
        var order = new List<TargetNode>(scheduled.Count);
        while (ready.TryDequeue(out var next, out _))
        {
            order.Add(next);
            foreach (var successor in successors[next])
            {
                if (--waitingFor[successor] == 0)
                {
                    ready.Enqueue(successor, successor.Index);
                }
            }
        }

        if (order.Count < scheduled.Count)
        {
            var remaining = new HashSet<TargetNode>(scheduled);
            remaining.ExceptWith(order);
            throw new KilnException(
                $"The target graph has a cycle: {DescribeCycle(remaining, predecessors)} (each arrow points to a target that must run first). Remove one of these edges.");
        }

        return order;
    }

    private static string DescribeCycle(HashSet<TargetNode> remaining, Dictionary<TargetNode, HashSet<TargetNode>> predecessors)
    {
        // Every remaining node has a remaining predecessor, so walking them must revisit a node.
        var path = new List<TargetNode>();
        var node = remaining.MinBy(candidate => candidate.Index)!;
        while (!path.Contains(node))
        {
            path.Add(node);
            node = predecessors[node].Where(remaining.Contains).MinBy(candidate => candidate.Index)!;
        }

        var cycle = path.Skip(path.IndexOf(node)).Append(node);
        return string.Join(" -> ", cycle.Select(target => target.Name));
    }
}
