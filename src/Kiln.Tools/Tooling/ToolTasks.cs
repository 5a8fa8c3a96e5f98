namespace Kiln.Tooling;

/// <summary>How the NUKE-shaped tasks run the async tool methods: waiting for one, or running several combinations.</summary>
internal static class ToolTasks
{
    /// <summary>Waits for the tool in a synchronous target body; its failure surfaces as itself, not wrapped.</summary>
    public static IReadOnlyCollection<ToolOutputLine> Wait(Task<ToolResult> run) => run.GetAwaiter().GetResult().Output;

    /// <summary>Runs each settings object, at most <paramref name="degreeOfParallelism"/> at a time, results in the settings' order.</summary>
    public static IReadOnlyList<(T Settings, IReadOnlyCollection<ToolOutputLine> Output)> RunEach<T>(
        IEnumerable<T> combinations, Func<T, CancellationToken, Task<ToolResult>> run, int degreeOfParallelism, bool completeOnFailure)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degreeOfParallelism, 1);
        var all = combinations.ToList();
        var outputs = new IReadOnlyCollection<ToolOutputLine>?[all.Count];
        var failures = new List<(int Index, Exception Exception)>();
        using var stop = new CancellationTokenSource();
        var options = new ParallelOptions { MaxDegreeOfParallelism = degreeOfParallelism };
        Parallel.ForEachAsync(Enumerable.Range(0, all.Count), options, async (index, _) =>
        {
            if (stop.IsCancellationRequested)
            {
                return;
            }

            try
            {
                outputs[index] = (await run(all[index], CancellationToken.None).ConfigureAwait(false)).Output;
            }
            catch (Exception exception) when (exception is KilnException or OperationCanceledException)
            {
                lock (failures)
                {
                    failures.Add((index, exception));
                }

                if (!completeOnFailure)
                {
                    await stop.CancelAsync().ConfigureAwait(false);
                }
            }
        }).GetAwaiter().GetResult();

        if (failures.Count == 1)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failures[0].Exception).Throw();
        }

        if (failures.Count > 1)
        {
            var messages = failures.OrderBy(failure => failure.Index).Select(failure => failure.Exception.Message);
            throw new ToolException(
                $"{failures.Count} of {all.Count} runs failed:{Environment.NewLine}{string.Join(Environment.NewLine, messages)}",
                exitCode: null, failures[0].Exception);
        }

        return [.. all.Select((settings, index) => (settings, outputs[index]!))];
    }
}
