using System.Collections.Concurrent;
using System.Diagnostics;
using Kiln.Definition;
using Kiln.Hosts;
using Kiln.Lifecycle;
using Kiln.Planning;

namespace Kiln.Execution;

/// <summary>
/// Runs a plan: a target starts once every target it must run after (dependencies, After/Before, the
/// target that triggers it) has ended, and up to <c>maxParallel</c> targets run at the same time, the
/// earliest in plan order first; with 1 that is exactly the plan order. A failure stops the build unless
/// the failed target proceeds after failure (every target does with --continue): nothing new starts and running siblings are cancelled (their
/// tools killed). Targets depending on a failed one do not run; assured targets run even after a failure
/// or Ctrl-C. A target that names its inputs and outputs is skipped as UpToDate when its record says
/// nothing changed. The summary lists the targets in plan order whatever order they ended in.
/// </summary>
internal sealed class Executor(OutputHost host, UpToDateRecords? records = null, int maxParallel = 1, Heartbeat? heartbeat = null, BuildExtensions? extensions = null, bool continueAfterFailure = false)
{
    private readonly Heartbeat heartbeat = heartbeat ?? new Heartbeat(host);
    private volatile Func<string, BuildSummary>? snapshot;

    /// <summary>
    /// The run so far, for a summary when the process must end before the run does (a second Ctrl-C): ended targets as
    /// they ended, running ones Aborted with <paramref name="runningNote"/>, the rest NotRun. Null before the run starts.
    /// Safe to call from another thread.
    /// </summary>
    public BuildSummary? Snapshot(string runningNote) => snapshot?.Invoke(runningNote);

    public async Task<BuildSummary> RunAsync(ExecutionPlan plan, CancellationToken cancellation)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxParallel, 1);

        // Started here, outside every target's flow, so that its lines are not held in a target's block.
        using var beating = new CancellationTokenSource();
        var beats = heartbeat.RunAsync(beating.Token);
        try
        {
            return await RunPlanAsync(plan, cancellation).ConfigureAwait(false);
        }
        finally
        {
            await beating.CancelAsync().ConfigureAwait(false);
            await beats.ConfigureAwait(false);
        }
    }

    private async Task<BuildSummary> RunPlanAsync(ExecutionPlan plan, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var results = plan.Targets.ToDictionary(target => target.Node, target => new TargetResult(target.Name));
        var predecessors = plan.Targets.ToDictionary(target => target.Node, target => plan.Predecessors(target.Node).ToList());

        // Only when two targets can overlap are lines held per target; a chain prints as it always did.
        var concurrent = maxParallel > 1 && CanOverlap(plan, predecessors);
        var pending = plan.Targets.ToList();
        var ended = new HashSet<TargetNode>();
        var running = new List<RunningTarget>();
        var stopped = false;

        // When each running target started, readable from the thread a signal arrives on.
        var live = new ConcurrentDictionary<TargetNode, TimeSpan>();
        snapshot = note => new BuildSummary(
            plan.Targets.Select(target => live.TryGetValue(target.Node, out var started)
                ? new TargetResult(target.Name) { Status = TargetStatus.Aborted, Duration = clock.Elapsed - started, Note = note }
                : results[target.Node]).ToList(),
            clock.Elapsed,
            wasInterrupted: true);

        while (pending.Count > 0 || running.Count > 0)
        {
            StartReady();
            if (running.Count == 0)
            {
                if (pending.Count > 0)
                {
                    throw new InvalidOperationException($"The plan orders {pending[0].Name} after a target it does not contain or that never ends.");
                }

                break;
            }

            var task = await Task.WhenAny(running.Select(target => target.Task)).ConfigureAwait(false);
            var done = running.Single(target => target.Task == task);
            running.Remove(done);
            done.Dispose();
            ended.Add(done.Planned.Node);
            live.TryRemove(done.Planned.Node, out _);

            var status = results[done.Planned.Node].Status;
            if (!stopped && (status == TargetStatus.Aborted
                || (status == TargetStatus.Failed && !continueAfterFailure && !done.Planned.Node.Definition.ProceedsAfterFailure)))
            {
                stopped = true;

                // After Ctrl-C the siblings are cancelled already, through the build's token.
                foreach (var sibling in running.Where(_ => !cancellation.IsCancellationRequested))
                {
                    sibling.Cancel($"{done.Planned.Name} {Describe(status)}");
                }
            }
        }

        return new BuildSummary(plan.Targets.Select(target => results[target.Node]).ToList(), clock.Elapsed, cancellation.IsCancellationRequested);

        // Settles every ready target that will not run, and starts ready ones while there is room, in plan order.
        void StartReady()
        {
            for (var i = 0; i < pending.Count;)
            {
                var planned = pending[i];
                if (!predecessors[planned.Node].All(ended.Contains))
                {
                    i++;
                    continue;
                }

                var result = results[planned.Node];
                var assured = planned.Node.Definition.IsAssuredAfterFailure;
                var brokenDependency = planned.Node.Dependencies
                    .Where(results.ContainsKey)
                    .FirstOrDefault(dependency => results[dependency].Status is TargetStatus.Failed or TargetStatus.Aborted)
                    ?? planned.Node.Dependencies.Where(results.ContainsKey).FirstOrDefault(dependency => results[dependency].Status is TargetStatus.NotRun);
                if (planned.IsSkipped || (!assured && (stopped || cancellation.IsCancellationRequested || brokenDependency is not null)))
                {
                    result.Status = planned.IsSkipped ? TargetStatus.Skipped : TargetStatus.NotRun;
                    result.Note = planned.IsSkipped ? planned.SkipReason
                        : brokenDependency is null ? null
                        : $"{brokenDependency.Name} {Describe(results[brokenDependency].Status)}";
                    pending.RemoveAt(i);
                    ended.Add(planned.Node);
                    if (planned.IsSkipped)
                    {
                        extensions?.TargetSkipped(planned.Node, planned.SkipReason!);
                    }

                    // Settling a target can make earlier-listed ones ready.
                    i = 0;
                    continue;
                }

                if (running.Count >= maxParallel)
                {
                    i++;
                    continue;
                }

                pending.RemoveAt(i);

                // An assured target runs to completion even after Ctrl-C or a sibling's failure; a second Ctrl-C ends the process.
                var target = new RunningTarget(planned, assured ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellation));
                target.Task = Task.Run(() => RunTargetAsync(target, result, concurrent), CancellationToken.None);
                live[planned.Node] = clock.Elapsed;
                running.Add(target);
            }
        }
    }

    /// <summary>True when some two targets that run are not ordered one after the other, directly or through others.</summary>
    private static bool CanOverlap(ExecutionPlan plan, Dictionary<TargetNode, List<TargetNode>> predecessors)
    {
        var before = new Dictionary<TargetNode, HashSet<TargetNode>>();
        foreach (var target in plan.Targets)
        {
            var all = new HashSet<TargetNode>();
            foreach (var predecessor in predecessors[target.Node])
            {
                all.Add(predecessor);
                all.UnionWith(before[predecessor]);
            }

            before[target.Node] = all;
        }

        var runs = plan.Targets.Where(target => !target.IsSkipped).Select(target => target.Node).ToList();
        return runs.Zip(runs.Skip(1)).Any(pair => !before[pair.Second].Contains(pair.First));
    }

    private async Task RunTargetAsync(RunningTarget target, TargetResult result, bool concurrent)
    {
        var planned = target.Planned;
        var cancellation = target.Token;
        var definition = planned.Node.Definition;
        host.BeginTarget(planned.Name, concurrent);
        var clock = Stopwatch.StartNew();
        BuildContext.CurrentTarget = result;
        BuildContext.SetTargetCancellation(cancellation);
        try
        {
            var failed = definition.DynamicConditions.FirstOrDefault(condition => !condition.Evaluate());
            if (failed is not null)
            {
                result.Status = TargetStatus.Skipped;
                result.Note = $"condition false: {failed.Text}";
                host.Write(LogLevel.Information, $"Skipped: {failed.Text} is false.");
                extensions?.TargetSkipped(planned.Node, result.Note);
                return;
            }

            var upToDate = records is not null && definition.TracksInputs ? records.Check(planned.Name, definition) : default;
            if (upToDate.IsUpToDate)
            {
                result.Status = TargetStatus.UpToDate;
                result.Note = upToDate.Note;
                host.Write(LogLevel.Information, $"Skipped: {upToDate.Note} (--force {planned.Name} runs it).");
                extensions?.TargetSkipped(planned.Node, result.Note ?? "up to date");
                return;
            }

            // A failure must not leave the last success's record behind.
            if (upToDate.Fingerprint is not null)
            {
                records!.Forget(planned.Name);
            }

            extensions?.TargetRunning(planned.Node);
            using (heartbeat.Track(planned.Name, result))
            {
                foreach (var action in definition.Actions)
                {
                    cancellation.ThrowIfCancellationRequested();
                    await action(cancellation).ConfigureAwait(false);
                }
            }

            result.Status = TargetStatus.Succeeded;
            BuildContext.Current.SucceededTargetSet[planned.Name] = true;
            if (upToDate.Fingerprint is not null)
            {
                records!.Record(planned.Name, upToDate.Fingerprint);
            }

            extensions?.TargetSucceeded(planned.Node);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            result.Status = TargetStatus.Aborted;
            if (target.CancelReason is { } reason)
            {
                result.Note ??= $"cancelled: {reason}";
                host.Write(LogLevel.Error, $"{planned.Name} was cancelled: {reason}.");
            }
            else
            {
                result.Note ??= "interrupted";
                host.Write(LogLevel.Error, $"{planned.Name} was interrupted.");
            }
        }
        catch (Exception exception)
        {
            result.Status = TargetStatus.Failed;
            host.Write(LogLevel.Error, ErrorReport.Describe(exception, host.Verbosity));
            result.Note ??= ErrorReport.FirstLine(exception, host.Masker);
            extensions?.TargetFailed(planned.Node, exception);
        }
        finally
        {
            BuildContext.CurrentTarget = null;
            BuildContext.SetTargetCancellation(null);
            result.Duration = clock.Elapsed;
            host.EndTarget(result);
        }
    }

    private static string Describe(TargetStatus status) => status switch
    {
        TargetStatus.Failed => "failed",
        TargetStatus.Aborted => "was interrupted",
        _ => "did not run",
    };

    /// <summary>A started target: its task, and its own cancellation so that a sibling's failure can stop it alone.</summary>
    private sealed class RunningTarget(PlannedTarget planned, CancellationTokenSource? cancellation) : IDisposable
    {
        private volatile string? cancelReason;

        public PlannedTarget Planned { get; } = planned;

        public Task Task { get; set; } = Task.CompletedTask;

        /// <summary>None for an assured target: nothing but a second Ctrl-C stops it.</summary>
        public CancellationToken Token { get; } = cancellation?.Token ?? CancellationToken.None;

        /// <summary>Why the executor cancelled it (a sibling failed); null when it was not, or on Ctrl-C.</summary>
        public string? CancelReason => cancelReason;

        public void Cancel(string reason)
        {
            if (cancellation is null)
            {
                return;
            }

            cancelReason = reason;
            cancellation.Cancel();
        }

        public void Dispose() => cancellation?.Dispose();
    }
}
