using System.Globalization;
using System.Text;

namespace Kiln.Execution;

/// <summary>Formats the end-of-run table: target, status, duration, note; as text and as Markdown.</summary>
internal static class SummaryTable
{
    public static IReadOnlyList<string> Format(BuildSummary summary)
    {
        var nameWidth = Math.Max("Target".Length, summary.Results.Select(result => result.Name.Length).DefaultIfEmpty(0).Max());
        var statusWidth = Enum.GetNames<TargetStatus>().Max(name => name.Length);
        const int durationWidth = 8;
        var row = (string name, string status, string duration, string? note) =>
            $"{name.PadRight(nameWidth)}  {status.PadRight(statusWidth)}  {duration.PadLeft(durationWidth)}  {note}".TrimEnd();

        var lines = new List<string> { string.Empty };
        var header = row("Target", "Status", "Duration", "Note");
        var width = Math.Max(header.Length, 40);
        lines.Add(new string('═', width));
        lines.Add(header);
        lines.Add(new string('─', width));
        lines.AddRange(summary.Results.Select(result =>
            row(result.Name, result.Status.ToString(), result.HasRun ? FormatDuration(result.Duration) : string.Empty, result.Note)));
        lines.Add(new string('─', width));
        lines.Add(row("Total", string.Empty, FormatDuration(summary.Duration), null));
        lines.Add(new string('═', width));
        lines.Add(Outcome(summary));
        return lines;
    }

    public static string ToMarkdown(BuildSummary summary)
    {
        var markdown = new StringBuilder();
        markdown.AppendLine(CultureInfo.InvariantCulture, $"### {Outcome(summary)}");
        markdown.AppendLine();
        markdown.AppendLine("| Target | Status | Duration | Note |");
        markdown.AppendLine("| --- | --- | ---: | --- |");
        foreach (var result in summary.Results)
        {
            var duration = result.HasRun ? FormatDuration(result.Duration) : string.Empty;
            markdown.AppendLine(CultureInfo.InvariantCulture, $"| {Cell(result.Name)} | {Icon(result.Status)} {result.Status} | {duration} | {Cell(result.Note ?? string.Empty)} |");
        }

        markdown.AppendLine(CultureInfo.InvariantCulture, $"| **Total** | | {FormatDuration(summary.Duration)} | |");
        markdown.AppendLine();
        return markdown.ToString();
    }

    /// <summary>m:ss, or h:mm:ss past an hour; under a second shows as &lt; 1s so short targets do not read as zero.</summary>
    public static string FormatDuration(TimeSpan duration) =>
        duration < TimeSpan.FromSeconds(1) ? "< 1s"
        : duration.TotalHours >= 1 ? duration.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
        : duration.ToString(@"m\:ss", CultureInfo.InvariantCulture);

    private static string Outcome(BuildSummary summary)
    {
        var duration = FormatDuration(summary.Duration);
        if (summary.Succeeded)
        {
            return $"Build succeeded in {duration}.";
        }

        if (summary.WasInterrupted)
        {
            return $"Build interrupted after {duration}.";
        }

        var failed = summary.Results.Where(result => result.Status == TargetStatus.Failed).Select(result => result.Name).ToList();
        return $"Build failed in {duration}: {string.Join(", ", failed)} failed.";
    }

    private static string Icon(TargetStatus status) => status switch
    {
        TargetStatus.Succeeded => "✅",
        TargetStatus.Failed => "❌",
        TargetStatus.Aborted => "⛔",
        TargetStatus.Skipped => "⏭️",
        TargetStatus.UpToDate => "♻️",
        _ => "⏸️",
    };

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
