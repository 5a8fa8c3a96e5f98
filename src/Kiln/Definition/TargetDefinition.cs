using System.Linq.Expressions;

namespace Kiln.Definition;

/// <summary>Records what a <see cref="Target"/> declares; the planner reads it once the graph is complete.</summary>
internal sealed class TargetDefinition : ITargetDefinition
{
    public string? DescriptionText { get; private set; }

    public List<TargetReference> DependsOnTargets { get; } = [];

    public List<TargetReference> DependentForTargets { get; } = [];

    public List<TargetReference> AfterTargets { get; } = [];

    public List<TargetReference> BeforeTargets { get; } = [];

    public List<TargetReference> TriggersTargets { get; } = [];

    public List<TargetReference> TriggeredByTargets { get; } = [];

    public List<TargetCondition> StaticConditions { get; } = [];

    public List<TargetCondition> DynamicConditions { get; } = [];

    public DependencyBehavior SkippedBehavior { get; private set; } = DependencyBehavior.Execute;

    public List<TargetRequirement> Requirements { get; } = [];

    public List<Func<CancellationToken, Task>> Actions { get; } = [];

    public bool ProceedsAfterFailure { get; private set; }

    public bool IsAssuredAfterFailure { get; private set; }

    public bool IsUnlisted { get; private set; }

    /// <summary>Why the target is left out of this build (<see cref="LeftOut"/>); null when it is in.</summary>
    public string? LeftOutReason { get; private set; }

    public List<string> ProducedPatterns { get; } = [];

    public List<(TargetReference Producer, IReadOnlyList<string> Patterns)> ConsumedArtifacts { get; } = [];

    public int PartitionSize { get; private set; } = 1;

    public List<string> InputPatterns { get; } = [];

    public List<string> OutputPatterns { get; } = [];

    /// <summary>Whether the target can be skipped as up to date: it names its inputs and its outputs.</summary>
    public bool TracksInputs => InputPatterns.Count > 0 && OutputPatterns.Count > 0;

    public ITargetDefinition Description(string description)
    {
        DescriptionText = description;
        return this;
    }

    public ITargetDefinition DependsOn(params Target[] targets) => Add(DependsOnTargets, targets);

    public ITargetDefinition DependsOn<T>(params Func<T, Target>[] targets) => Add(DependsOnTargets, targets);

    public ITargetDefinition DependentFor(params Target[] targets) => Add(DependentForTargets, targets);

    public ITargetDefinition DependentFor<T>(params Func<T, Target>[] targets) => Add(DependentForTargets, targets);

    public ITargetDefinition After(params Target[] targets) => Add(AfterTargets, targets);

    public ITargetDefinition After<T>(params Func<T, Target>[] targets) => Add(AfterTargets, targets);

    public ITargetDefinition Before(params Target[] targets) => Add(BeforeTargets, targets);

    public ITargetDefinition Before<T>(params Func<T, Target>[] targets) => Add(BeforeTargets, targets);

    public ITargetDefinition Triggers(params Target[] targets) => Add(TriggersTargets, targets);

    public ITargetDefinition Triggers<T>(params Func<T, Target>[] targets) => Add(TriggersTargets, targets);

    public ITargetDefinition TriggeredBy(params Target[] targets) => Add(TriggeredByTargets, targets);

    public ITargetDefinition TriggeredBy<T>(params Func<T, Target>[] targets) => Add(TriggeredByTargets, targets);

    public ITargetDefinition OnlyWhenStatic(params Expression<Func<bool>>[] conditions)
    {
        StaticConditions.AddRange(conditions.Select(condition => new TargetCondition(condition)));
        return this;
    }

    public ITargetDefinition OnlyWhenDynamic(params Expression<Func<bool>>[] conditions)
    {
        DynamicConditions.AddRange(conditions.Select(condition => new TargetCondition(condition)));
        return this;
    }

    public ITargetDefinition WhenSkipped(DependencyBehavior behavior)
    {
        SkippedBehavior = behavior;
        return this;
    }

    public ITargetDefinition Requires<T>(params Expression<Func<T?>>[] parameters)
        where T : class
    {
        Requirements.AddRange(parameters.Select(TargetRequirement.ForValue));
        return this;
    }

    public ITargetDefinition Requires<T>(params Expression<Func<T?>>[] parameters)
        where T : struct
    {
        Requirements.AddRange(parameters.Select(TargetRequirement.ForValue));
        return this;
    }

    public ITargetDefinition Requires(params Expression<Func<bool>>[] conditions)
    {
        Requirements.AddRange(conditions.Select(condition => TargetRequirement.ForCondition(condition)));
        return this;
    }

    public ITargetDefinition Requires(Expression<Func<bool>> condition, string message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        Requirements.Add(TargetRequirement.ForCondition(condition, message));
        return this;
    }

    public ITargetDefinition Executes(Action action)
    {
        Actions.Add(_ =>
        {
            action();
            return Task.CompletedTask;
        });
        return this;
    }

    public ITargetDefinition Executes(Func<Task> action)
    {
        Actions.Add(_ => action());
        return this;
    }

    public ITargetDefinition Executes(Func<CancellationToken, Task> action)
    {
        Actions.Add(action);
        return this;
    }

    public ITargetDefinition ProceedAfterFailure()
    {
        ProceedsAfterFailure = true;
        return this;
    }

    public ITargetDefinition AssuredAfterFailure()
    {
        IsAssuredAfterFailure = true;
        return this;
    }

    public ITargetDefinition Unlisted()
    {
        IsUnlisted = true;
        return this;
    }

    public ITargetDefinition LeftOut(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        LeftOutReason = reason;
        return this;
    }

    public ITargetDefinition Produces(params string[] patterns)
    {
        ProducedPatterns.AddRange(patterns);
        return this;
    }

    public ITargetDefinition Inputs(params string[] patterns)
    {
        InputPatterns.AddRange(patterns);
        return this;
    }

    public ITargetDefinition Outputs(params string[] patterns)
    {
        OutputPatterns.AddRange(patterns);
        return this;
    }

    public ITargetDefinition Consumes(Target producer, params string[] patterns)
    {
        ConsumedArtifacts.Add((TargetReference.To(producer), patterns));
        return this;
    }

    public ITargetDefinition Consumes<T>(Func<T, Target> producer, params string[] patterns)
    {
        ConsumedArtifacts.Add((TargetReference.To(producer), patterns));
        return this;
    }

    public ITargetDefinition Partition(int size)
    {
        if (size < 1)
        {
            throw new KilnException($"Partition size must be at least 1, not {size}: use Partition(2) or more to split a target.");
        }

        PartitionSize = size;
        return this;
    }

    private TargetDefinition Add(List<TargetReference> list, Target[] targets)
    {
        list.AddRange(targets.Select(TargetReference.To));
        return this;
    }

    private TargetDefinition Add<T>(List<TargetReference> list, Func<T, Target>[] targets)
    {
        list.AddRange(targets.Select(TargetReference.To));
        return this;
    }
}
