using System.Globalization;
using System.Text;
using Kiln.Reporting;
using static System.Net.WebUtility;

namespace Kiln.Planning;

/// <summary>
/// artifacts/plan.html: the plan as one self-contained page (inline style and SVG, no script, a Content-Security-Policy
/// that allows nothing remote): the graph in layers, the numbered run order, and the waves of targets that can run
/// side by side.
/// </summary>
internal static class PlanPage
{
    private const string Style = """
        body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328; margin: 2rem; }
        h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 1.5rem; } .muted { color: #59636e; }
        .scroll { overflow-x: auto; border: 1px solid #d1d9e0; border-radius: 6px; padding: .5rem; }
        .graph .edge { fill: none; stroke: #59636e; stroke-width: 1.5; } .graph .edge-after { stroke-dasharray: 5 4; } .graph .edge-triggers { stroke-width: 3; }
        .graph .arrow-head { fill: #59636e; }
        .graph .node rect { fill: #ddf4ff; stroke: #0969da; } .graph .status-invoked rect { stroke-width: 3; }
        .graph .status-skipped rect { fill: #f6f8fa; stroke: #8c959f; stroke-dasharray: 4 3; }
        .graph .node text { fill: #1f2328; }
        """;

    public static string Render(ExecutionPlan plan, string buildName)
    {
        var nodes = plan.Targets.Select(target => new PlanGraph.GraphNode(
            target.Name,
            target.IsSkipped ? "skipped" : target.IsInvoked ? "invoked" : "planned",
            target.IsSkipped ? $"{target.Name}: skipped ({target.SkipReason})" : target.IsInvoked ? $"{target.Name}: invoked" : target.Name)).ToList();
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>");
        html.AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.AppendLine("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">");
        html.Append(CultureInfo.InvariantCulture, $"<title>Plan of {HtmlEncode(buildName)}</title>\n<style>\n{Style}</style></head><body>\n");
        html.Append(CultureInfo.InvariantCulture, $"<h1>Plan of {HtmlEncode(buildName)}</h1>\n");
        html.AppendLine("<p class=\"muted\">Solid arrows: runs after (DependsOn). Dashed: ordering only (After/Before). Thick: triggers. Thick border: invoked; dashed box: skipped.</p>");
        html.Append("<div class=\"scroll\">").Append(PlanGraph.Render(nodes, RunRecord.Edges(plan), "The plan")).AppendLine("</div>");
        html.AppendLine("<h2>Run order</h2><ol>");
        foreach (var target in plan.Targets)
        {
            var note = target.IsSkipped ? $" <span class=\"muted\">(skipped: {HtmlEncode(target.SkipReason)})</span>" : target.IsInvoked ? " <span class=\"muted\">(invoked)</span>" : string.Empty;
            html.Append(CultureInfo.InvariantCulture, $"<li>{HtmlEncode(target.Name)}{note}</li>\n");
        }

        html.AppendLine("</ol><h2>Side by side</h2>");
        html.AppendLine("<p class=\"muted\">The targets of one wave do not wait for each other: with --max-parallel 2 or more they run at the same time.</p><ol>");
        foreach (var wave in PlanWaves.Of(plan))
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>{string.Join(" | ", wave.Select(target => HtmlEncode(target.Name)))}</li>\n");
        }

        html.AppendLine("</ol></body></html>");
        return html.ToString();
    }
}
