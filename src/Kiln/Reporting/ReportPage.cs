using System.Text;
using static System.FormattableString;
using static System.Net.WebUtility;

namespace Kiln.Reporting;

/// <summary>
/// report.html: one self-contained page (inline styles and SVG, no script, a Content-Security-Policy that allows
/// nothing from outside) with the duration chart, the latest run's facts, its plan graph and its targets. Every value
/// from a record is HTML-encoded.
/// </summary>
internal static class ReportPage
{
    /// <summary>The latest run's target table id.</summary>
    public const string TargetsTableId = "targets-table";

    private const string Style = """
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 24px; color: #1f2328; background: #fff; }
        h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 28px 0 8px; } h3 { font-size: 15px; margin: 20px 0 8px; }
        .meta { color: #59636e; margin: 0; }
        .scroll { overflow-x: auto; }
        dl { display: grid; grid-template-columns: max-content auto; gap: 2px 16px; margin: 0; }
        dt { color: #59636e; } dd { margin: 0; font-variant-numeric: tabular-nums; }
        table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
        th, td { text-align: left; padding: 4px 12px 4px 0; border-bottom: 1px solid #d1d9e0; vertical-align: top; }
        td.number { text-align: right; }
        .status-succeeded { color: #1a7f37; } .status-failed, .status-aborted { color: #cf222e; } .status-skipped, .status-notrun, .status-uptodate { color: #59636e; }
        svg text { font: 12px system-ui, sans-serif; fill: #1f2328; }
        .chart .grid { stroke: #e6e9ec; } .chart .axis { stroke: #59636e; } .chart .tick, .chart .label, .chart .axis-title { fill: #59636e; }
        .bar-build { fill: #8fb8ef; } .bar-test { fill: #2f6fd0; } .failed .bar-build, .failed-key { stroke: #cf222e; stroke-width: 2; }
        .graph .edge { fill: none; stroke: #59636e; stroke-width: 1.5; } .graph .edge-after { stroke-dasharray: 5 4; } .graph .edge-triggers { stroke-width: 3; }
        .graph .arrow-head { fill: #59636e; }
        .graph .node rect { fill: #f6f8fa; stroke: #59636e; }
        .graph .status-succeeded rect { fill: #dafbe1; stroke: #1a7f37; } .graph .status-failed rect, .graph .status-aborted rect { fill: #ffebe9; stroke: #cf222e; }
        .graph .status-skipped rect, .graph .status-notrun rect, .graph .status-uptodate rect { fill: #f6f8fa; stroke: #8c959f; stroke-dasharray: 4 3; }
        .graph .node text { fill: #1f2328; }
        """;

    /// <param name="runs">The runs to show, oldest first; the last is the latest.</param>
    /// <param name="firstNumber">The number of the first of them in the history.</param>
    /// <param name="generatedAt">When the report is made.</param>
    public static string Render(IReadOnlyList<RunRecord> runs, int firstNumber, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0)
        {
            throw new ArgumentException("A report needs at least one run.", nameof(runs));
        }

        var latest = runs[^1];
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>");
        html.AppendLine("<html lang=\"en\">");
        html.AppendLine("<head>");
        html.AppendLine("<meta charset=\"utf-8\">");
        html.AppendLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.AppendLine("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">");
        html.AppendLine("<title>Kiln run report</title>");
        html.Append("<style>\n").Append(Style).AppendLine("</style>");
        html.AppendLine("</head>");
        html.AppendLine("<body>");
        html.AppendLine("<h1>Kiln run report</h1>");
        html.AppendLine(Invariant($"<p class=\"meta\">The last {runs.Count} run(s) of .nuke/temp/history.jsonl, made {generatedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC.</p>"));

        html.AppendLine("<section>");
        html.AppendLine("<h2>Build and test durations</h2>");
        html.AppendLine("<p class=\"meta\">Per run, oldest on the left: the whole build, and the targets that ran tests.</p>");
        html.Append("<div class=\"scroll\">").Append(DurationChart.Render(runs, firstNumber)).AppendLine("</div>");
        html.AppendLine("</section>");

        html.AppendLine("<section id=\"latest-run\">");
        html.AppendLine(Invariant($"<h2>Latest run (run {firstNumber + runs.Count - 1})</h2>"));
        html.AppendLine("<dl>");
        Fact(html, "Started", Invariant($"{latest.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC"));
        Fact(html, "Duration", DurationText.Format(latest.DurationSeconds));
        Fact(html, "Result", latest.Interrupted ? "interrupted (exit code 130)" : latest.ExitCode == 0 ? "succeeded (exit code 0)" : Invariant($"failed (exit code {latest.ExitCode})"));
        Fact(html, "Targets", string.Join(' ', latest.InvokedTargets));
        Fact(html, "Version", latest.Version ?? "not computed");
        Fact(html, "Commit", latest.Commit ?? "unknown");
        Fact(html, "Tests", latest.Tests?.ToString() ?? "none ran");
        Fact(html, "Line coverage", latest.Coverage is { } coverage ? Percent(coverage) : "not measured");
        Fact(html, "Host", latest.OperatingSystem is null ? latest.Host : $"{latest.Host}, {latest.OperatingSystem}");
        html.AppendLine("</dl>");

        html.AppendLine("<h3>Plan</h3>");
        html.AppendLine("<p class=\"meta\">Solid arrows: DependsOn. Dashed: ordering only (After/Before). Thick: triggers.</p>");
        html.Append("<div class=\"scroll\">").Append(PlanGraph.Render(latest)).AppendLine("</div>");

        html.AppendLine("<h3>Targets</h3>");
        html.AppendLine(Invariant($"<table id=\"{TargetsTableId}\">"));
        html.AppendLine("<thead><tr><th>Target</th><th>Status</th><th>Duration</th><th>Tests</th><th>Coverage</th><th>Note</th></tr></thead>");
        html.AppendLine("<tbody>");
        foreach (var target in latest.Targets)
        {
            var status = target.Status.ToString();
            html.Append("<tr>")
                .Append("<td>").Append(HtmlEncode(target.Name)).Append("</td>")
                .Append(Invariant($"<td class=\"status-{status.ToLowerInvariant()}\">")).Append(HtmlEncode(status)).Append("</td>")
                .Append("<td class=\"number\">").Append(HtmlEncode(DurationText.Format(target.DurationSeconds))).Append("</td>")
                .Append("<td>").Append(HtmlEncode(target.Tests?.ToString() ?? string.Empty)).Append("</td>")
                .Append("<td class=\"number\">").Append(HtmlEncode(target.Coverage is { } value ? Percent(value) : string.Empty)).Append("</td>")
                .Append("<td>").Append(HtmlEncode(target.Note ?? string.Empty)).Append("</td>")
                .AppendLine("</tr>");
        }

        html.AppendLine("</tbody>");
        html.AppendLine("</table>");
        html.AppendLine("</section>");
        html.AppendLine("</body>");
        html.AppendLine("</html>");
        return html.ToString();
    }

    private static void Fact(StringBuilder html, string name, string value) =>
        html.Append("<dt>").Append(HtmlEncode(name)).Append("</dt><dd>").Append(HtmlEncode(value)).AppendLine("</dd>");

    private static string Percent(double percent) => Invariant($"{Math.Round(percent, 1):0.0}%");
}
