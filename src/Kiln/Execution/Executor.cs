using System.Diagnostics;
using Kiln.Hosts;
using Kiln.Planning;

namespace Kiln.Execution;

/// <summary>
/// Runs a plan in order. Stops at the first failure unless the failed target proceeds after failure;
/// targets depending on a failed one do not run; assured targets run even after a failure or Ctrl-C.
/// A target that names its inputs and outputs is skipped as UpToDate when its record says nothing changed.
/// </summary>
internal sealed class Executor(Host host, UpToDateRecords? records = null)
{
    public async Task<BuildSummary> RunAsync(ExecutionPlan plan, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var results = plan.Targets.ToDictionary(target => target.Node, target => new TargetResult(target.Name));
        var stopped = false;

        foreach (var planned in plan.Targets)
        {
            var result = results[planned.Node];
            var assured = planned.Node.Definition.IsAssuredAfterFailure;
            if (planned.IsSkipped)
            {
                result.Status = TargetStatus.Skipped;
                result.Note = planned.SkipReason;
                continue;
            }

            var brokenDependency = planned.Node.Dependencies
                .Where(results.ContainsKey)
                .FirstOrDefault(dependency => results[dependency].Status is TargetStatus.Failed or TargetStatus.Aborted)
                ?? planned.Node.Dependencies.Where(results.ContainsKey).FirstOrDefault(dependency => results[dependency].Status is TargetStatus.NotRun);
            if (!assured && (stopped || cancellation.IsCancellationRequested || brokenDependency is not null))
            {
                result.Status = TargetStatus.NotRun;
                result.Note = brokenDependency is null ? null : $"{brokenDependency.Name} {Describe(results[brokenDependency].Status)}";
                continue;
            }

            // An assured target runs to completion even after Ctrl-C; a second Ctrl-C ends the process.
            await RunTargetAsync(planned, result, assured ? CancellationToken.None : cancellation).ConfigureAwait(false);
            if (result.Status == TargetStatus.Aborted
                || (result.Status == TargetStatus.Failed && !planned.Node.Definition.ProceedsAfterFailure))
            {
                stopped = true;
            }
        }

        return new BuildSummary(plan.Targets.Select(target => results[target.Node]).ToList(), clock.Elapsed, cancellation.IsCancellationRequested);
    }

    private async Task RunTargetAsync(PlannedTarget planned, TargetResult result, CancellationToken cancellation)
    {
        var definition = planned.Node.Definition;
        host.BeginTarget(planned.Name);
        var clock = Stopwatch.StartNew();
        BuildContext.CurrentTarget = result;
        try
        {
            var failed = definition.DynamicConditions.FirstOrDefault(condition => !condition.Evaluate());
            if (failed is not null)
            {
                result.Status = TargetStatus.Skipped;
                result.Note = $"condition false: {failed.Text}";
                host.Write(LogLevel.Information, $"Skipped: {failed.Text} is false.");
                return;
            }

            var upToDate = records is not null && definition.TracksInputs ? records.Check(planned.Name, definition) : default;
            if (upToDate.IsUpToDate)
            {
                result.Status = TargetStatus.UpToDate;
                result.Note = upToDate.Note;
                host.Write(LogLevel.Information, $"Skipped: {upToDate.Note} (--force {planned.Name} runs it).");
                return;
            }

            // A failure must not leave the last success's record behind.
            if (upToDate.Fingerprint is not null)
            {
                records!.Forget(planned.Name);
            }

            foreach (var action in definition.Actions)
            {
                cancellation.ThrowIfCancellationRequested();
                await action(cancellation).ConfigureAwait(false);
            }

            result.Status = TargetStatus.Succeeded;
            BuildContext.Current.SucceededTargetSet[planned.Name] = true;
            if (upToDate.Fingerprint is not null)
            {
                records!.Record(planned.Name, upToDate.Fingerprint);
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            result.Status = TargetStatus.Aborted;
            result.Note ??= "interrupted";
            host.Write(LogLevel.Error, $"{planned.Name} was interrupted.");
        }
        catch (Exception exception)
        {
            result.Status = TargetStatus.Failed;
            host.Write(LogLevel.Error, ErrorReport.Describe(exception, host.Verbosity));
            result.Note ??= ErrorReport.FirstLine(exception, host.Masker);
        }
        finally
        {
            BuildContext.CurrentTarget = null;
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
}
