namespace Kiln.Reporting;

/// <summary>Turns the run history into report.html: the last runs' durations and the latest run's plan and targets.</summary>
public static class RunReport
{
    /// <summary>How many runs the chart shows by default.</summary>
    public const int DefaultRuns = 30;

    /// <summary>
    /// Writes the report of the last <paramref name="runs"/> runs of the repository's history (.nuke/temp/history.jsonl)
    /// and returns how many it shows; a line of the history that cannot be read is a warning in the log.
    /// </summary>
    /// <param name="root">The repository root.</param>
    /// <param name="reportFile">Where the page goes.</param>
    /// <param name="runs">How many of the latest runs the chart shows.</param>
    /// <param name="cancellationToken">Stops the reading and writing.</param>
    /// <exception cref="KilnException">The history is missing or holds no readable run.</exception>
    public static Task<int> WriteAsync(AbsolutePath root, string reportFile, int runs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(root);
        return WriteAsync(RunHistory.For(root), reportFile, runs, Log.Warning, cancellationToken);
    }

    /// <summary>Writes the report of the last <paramref name="runs"/> runs and returns how many it shows.</summary>
    /// <exception cref="KilnException">The history is missing or holds no readable run.</exception>
    internal static async Task<int> WriteAsync(
        RunHistory history, string reportFile, int runs, Action<string> warn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(reportFile);
        if (runs < 1)
        {
            throw new KilnException($"The report needs at least one run, not {runs}: give a positive number.");
        }

        if (!File.Exists(history.Path))
        {
            throw new KilnException($"There is no run history ({history.Path} is missing): run a build first (./build.sh), then Report.");
        }

        var records = await history.ReadAsync(warn, cancellationToken).ConfigureAwait(false);
        if (records.Count == 0)
        {
            throw new KilnException($"The run history {history.Path} holds no readable run: run a build first (./build.sh), then Report.");
        }

        var shown = records.Skip(Math.Max(0, records.Count - runs)).ToList();
        var page = ReportPage.Render(shown, records.Count - shown.Count + 1, DateTimeOffset.UtcNow);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(reportFile))!);
        await File.WriteAllTextAsync(reportFile, page, cancellationToken).ConfigureAwait(false);
        return shown.Count;
    }
}
