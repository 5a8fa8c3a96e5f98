using Kiln.Reporting;

namespace Kiln.Components;

/// <summary>
/// Report: turns the run history Kiln keeps (.nuke/temp/history.jsonl, a line per run) into artifacts/report.html, a
/// page that works offline: the build and test durations of the last runs as a chart, and the latest run's plan graph,
/// targets, tests, coverage and version. Every Kiln build records its runs; a build offers the report by implementing
/// this interface, and changes where it goes or how many runs it charts by re-implementing one member.
/// </summary>
/// <remarks>A run of Report alone is not recorded, so the report never shows itself as the latest run.</remarks>
public interface IReport
{
    /// <summary>Where the report goes (artifacts/report.html).</summary>
    AbsolutePath ReportFile => KilnBuild.RootDirectory / "artifacts" / "report.html";

    /// <summary>How many of the latest runs the chart shows.</summary>
    int ReportRuns => RunReport.DefaultRuns;

    /// <summary>Writes the report from the history.</summary>
    Target Report => _ => _
        .Description("Writes artifacts/report.html from the run history: build and test durations of the last runs, the latest run's plan, targets, tests, coverage and version.")
        .Executes(async cancellationToken =>
        {
            RunRecorder.ExcludeFromHistory();
            var shown = await RunReport.WriteAsync(KilnBuild.RootDirectory, ReportFile, ReportRuns, cancellationToken).ConfigureAwait(false);
            Log.Information($"Report of the last {shown} run(s) written to {ReportFile.RelativeTo(KilnBuild.RootDirectory)}.");
            KilnBuild.ReportSummary($"{shown} run(s), {ReportFile.RelativeTo(KilnBuild.RootDirectory)}");
        });
}
