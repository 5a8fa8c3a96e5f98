using System.Linq.Expressions;

namespace Kiln;

/// <summary>The fluent definition of a <see cref="Target"/>: its edges, conditions and actions.</summary>
public interface ITargetDefinition
{
    /// <summary>Sets the description shown by <c>--help</c>.</summary>
    ITargetDefinition Description(string description);

    /// <summary>The given targets run before this one and are scheduled whenever this one is.</summary>
    ITargetDefinition DependsOn(params Target[] targets);

    /// <summary>Like <see cref="DependsOn(Target[])"/>, for targets declared on an interface the build implements.</summary>
    ITargetDefinition DependsOn<T>(params Func<T, Target>[] targets);

    /// <summary>This target runs before the given targets and is scheduled whenever they are.</summary>
    ITargetDefinition DependentFor(params Target[] targets);

    /// <summary>Like <see cref="DependentFor(Target[])"/>, for interface-declared targets.</summary>
    ITargetDefinition DependentFor<T>(params Func<T, Target>[] targets);

    /// <summary>When both are scheduled, this target runs after the given ones (ordering only).</summary>
    ITargetDefinition After(params Target[] targets);

    /// <summary>Like <see cref="After(Target[])"/>, for interface-declared targets.</summary>
    ITargetDefinition After<T>(params Func<T, Target>[] targets);

    /// <summary>When both are scheduled, this target runs before the given ones (ordering only).</summary>
    ITargetDefinition Before(params Target[] targets);

    /// <summary>Like <see cref="Before(Target[])"/>, for interface-declared targets.</summary>
    ITargetDefinition Before<T>(params Func<T, Target>[] targets);

    /// <summary>Scheduling this target also schedules the given ones, to run after it.</summary>
    ITargetDefinition Triggers(params Target[] targets);

    /// <summary>Like <see cref="Triggers(Target[])"/>, for interface-declared targets.</summary>
    ITargetDefinition Triggers<T>(params Func<T, Target>[] targets);

    /// <summary>Scheduling one of the given targets also schedules this one, to run after it.</summary>
    ITargetDefinition TriggeredBy(params Target[] targets);

    /// <summary>Like <see cref="TriggeredBy(Target[])"/>, for interface-declared targets.</summary>
    ITargetDefinition TriggeredBy<T>(params Func<T, Target>[] targets);

    /// <summary>Conditions checked before anything runs; when one is false the target is skipped.</summary>
    ITargetDefinition OnlyWhenStatic(params Expression<Func<bool>>[] conditions);

    /// <summary>Conditions checked just before the target runs; when one is false it is skipped.</summary>
    ITargetDefinition OnlyWhenDynamic(params Expression<Func<bool>>[] conditions);

    /// <summary>What happens to the dependencies when a static condition skips this target.</summary>
    ITargetDefinition WhenSkipped(DependencyBehavior behavior);

    /// <summary>Parameters that must have a value before the build starts, when this target is to run.</summary>
    ITargetDefinition Requires<T>(params Expression<Func<T?>>[] parameters)
        where T : class;

    /// <summary>Value-typed parameters that must have a value before the build starts.</summary>
    ITargetDefinition Requires<T>(params Expression<Func<T?>>[] parameters)
        where T : struct;

    /// <summary>Conditions that must be true before the build starts, when this target is to run.</summary>
    ITargetDefinition Requires(params Expression<Func<bool>>[] conditions);

    /// <summary>
    /// A condition that must be true before the build starts, when this target is to run; when it is false the build
    /// stops at once with <paramref name="message"/>, which names the problem and the fix
    /// (<c>Requires(() =&gt; Configuration == Configuration.Release, "Publish needs --configuration Release.")</c>).
    /// </summary>
    ITargetDefinition Requires(Expression<Func<bool>> condition, string message);

    /// <summary>Adds an action; several calls add several actions, run in order.</summary>
    ITargetDefinition Executes(Action action);

    /// <summary>Adds an asynchronous action.</summary>
    ITargetDefinition Executes(Func<Task> action);

    /// <summary>Adds an asynchronous action that observes cancellation (Ctrl-C).</summary>
    ITargetDefinition Executes(Func<CancellationToken, Task> action);

    /// <summary>When this target fails, the build still runs the targets that do not depend on it.</summary>
    ITargetDefinition ProceedAfterFailure();

    /// <summary>This target runs even after an earlier failure or an interruption.</summary>
    ITargetDefinition AssuredAfterFailure();

    /// <summary>Hides the target from <c>--help</c>.</summary>
    ITargetDefinition Unlisted();

    /// <summary>
    /// Leaves the target out of this build, for a target that has nothing to work on in this repository (a test tier
    /// without test projects): it is not planned, listed or generated as a CI job, and edges to it are dropped.
    /// <c>--help</c> and <c>--plan</c> show the reason as a warning; invoking it is an error that gives the reason.
    /// </summary>
    /// <param name="reason">Why, and what would bring the target in: "no test project matches tests/*/*.Tests.csproj: add one, or ...".</param>
    ITargetDefinition LeftOut(string reason);

    /// <summary>Files this target produces (globs relative to the root), passed on to consumers.</summary>
    ITargetDefinition Produces(params string[] patterns);

    /// <summary>Files this target needs from what <paramref name="producer"/> produces.</summary>
    ITargetDefinition Consumes(Target producer, params string[] patterns);

    /// <summary>Like <see cref="Consumes(Target, string[])"/>, for interface-declared targets: <c>.Consumes&lt;IScan&gt;(x =&gt; x.Scan)</c>.</summary>
    ITargetDefinition Consumes<T>(Func<T, Target> producer, params string[] patterns);

    /// <summary>Splits the target's work into <paramref name="size"/> partitions.</summary>
    ITargetDefinition Partition(int size);

    /// <summary>
    /// Files (globs relative to the root, <c>**</c> for any folders, <c>!</c> to exclude) whose contents the target's
    /// work depends on. With <see cref="Outputs"/>, the target is skipped as UpToDate when these files and the build's
    /// parameter values are as they were at its last success and its outputs exist; <c>--force</c> runs it anyway.
    /// </summary>
    ITargetDefinition Inputs(params string[] patterns);

    /// <summary>Files (globs relative to the root) the target's work leaves; each pattern must match a file for it to be up to date.</summary>
    ITargetDefinition Outputs(params string[] patterns);
}
