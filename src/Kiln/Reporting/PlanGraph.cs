using System.Text;
using static System.FormattableString;
using static System.Net.WebUtility;

namespace Kiln.Reporting;

/// <summary>
/// A run's plan as inline SVG in layers: each target one column right of the furthest target it runs after, edges
/// drawn as in plan.md (solid DependsOn, dashed ordering only, thick triggers), boxes coloured by status.
/// </summary>
internal static class PlanGraph
{
    private const double Margin = 16;
    private const double NodeHeight = 34;
    private const double ColumnGap = 56;
    private const double RowGap = 14;

    /// <summary>A recorded run's plan, boxes coloured by how each target ended.</summary>
    public static string Render(RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var nodes = run.Targets.Select(target => new GraphNode(target.Name, target.Status.ToString().ToLowerInvariant(), $"{target.Name}: {target.Status}, {DurationText.Format(target.DurationSeconds)}")).ToList();
        return Render(nodes, run.PlanEdges, "The latest run's plan");
    }

    /// <summary>Any plan: the nodes in plan order (each after those it runs after), each with its CSS status class and tooltip.</summary>
    public static string Render(IReadOnlyList<GraphNode> nodes, IReadOnlyList<PlanEdge> planEdges, string label)
    {
        var names = nodes.Select(node => node.Name).ToList();
        var known = names.ToHashSet(StringComparer.Ordinal);
        var edges = planEdges.Where(edge => known.Contains(edge.From) && known.Contains(edge.To) && edge.From != edge.To).ToList();
        var layers = Layers(names, edges);
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        var perLayer = new Dictionary<int, int>();
        foreach (var name in names)
        {
            rows[name] = perLayer.GetValueOrDefault(layers[name]);
            perLayer[layers[name]] = rows[name] + 1;
        }

        var nodeWidth = Math.Max(120, (names.Count == 0 ? 0 : names.Max(name => name.Length)) * 7.5 + 24);
        double X(string name) => Margin + (layers[name] * (nodeWidth + ColumnGap));
        double Y(string name) => Margin + (rows[name] * (NodeHeight + RowGap));
        var width = Margin * 2 + ((perLayer.Count == 0 ? 1 : perLayer.Keys.Max() + 1) * (nodeWidth + ColumnGap)) - ColumnGap;
        var height = Margin * 2 + ((perLayer.Count == 0 ? 1 : perLayer.Values.Max()) * (NodeHeight + RowGap)) - RowGap;

        var svg = new StringBuilder();
        svg.Append(InlineSvg.OpeningTag("plan-graph", "graph", width, height, label));
        svg.Append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" class=\"arrow-head\"/></marker></defs>");
        foreach (var edge in edges)
        {
            var (x1, y1) = (X(edge.From) + nodeWidth, Y(edge.From) + (NodeHeight / 2));
            var (x2, y2) = (X(edge.To), Y(edge.To) + (NodeHeight / 2));
            var bend = Math.Max(24, (x2 - x1) / 2);
            svg.Append(Invariant($"<path class=\"edge edge-{HtmlEncode(edge.Kind)}\" d=\"M{x1:0.#},{y1:0.#} C{x1 + bend:0.#},{y1:0.#} {x2 - bend:0.#},{y2:0.#} {x2:0.#},{y2:0.#}\" marker-end=\"url(#arrow)\"><title>{HtmlEncode($"{edge.From} → {edge.To} ({edge.Kind})")}</title></path>"));
        }

        foreach (var node in nodes)
        {
            svg.Append(Invariant($"<g class=\"node status-{HtmlEncode(node.Status)}\"><rect x=\"{X(node.Name):0.#}\" y=\"{Y(node.Name):0.#}\" width=\"{nodeWidth:0.#}\" height=\"{NodeHeight:0}\" rx=\"6\"/>"));
            svg.Append(Invariant($"<text x=\"{X(node.Name) + (nodeWidth / 2):0.#}\" y=\"{Y(node.Name) + 21:0.#}\" text-anchor=\"middle\">{HtmlEncode(node.Name)}</text>"));
            svg.Append(Invariant($"<title>{HtmlEncode(node.Title)}</title></g>"));
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>The column of each target: 0 for one that runs after nothing, else one more than the furthest it runs after.</summary>
    internal static Dictionary<string, int> Layers(IReadOnlyList<string> names, IReadOnlyList<PlanEdge> edges)
    {
        // Plan order puts every target after those it runs after, so one pass in that order settles each column.
        var layers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            layers[name] = edges.Where(edge => edge.To == name && layers.ContainsKey(edge.From))
                .Select(edge => layers[edge.From] + 1)
                .DefaultIfEmpty(0)
                .Max();
        }

        return layers;
    }

    /// <summary>A box of the graph: the target, its CSS status class (status-&lt;Status&gt;), and its tooltip.</summary>
    internal sealed record GraphNode(string Name, string Status, string Title);
}
