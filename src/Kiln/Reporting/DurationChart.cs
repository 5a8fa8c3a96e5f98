using System.Text;
using static System.FormattableString;
using static System.Net.WebUtility;

namespace Kiln.Reporting;

/// <summary>
/// The bar chart of the report: for each run, oldest on the left, its whole duration and the part its test targets
/// took, as inline SVG (no script, no library), with a tooltip per bar.
/// </summary>
internal static class DurationChart
{
    private const double Left = 64;
    private const double Right = 16;
    private const double Top = 28;
    private const double Bottom = 36;
    private const double Height = 280;

    private static readonly double[] StepFactors = [1, 2, 5, 10];

    private static readonly double[] MinuteSteps = [60, 120, 300, 600, 1200, 1800, 3600];

    /// <param name="runs">The runs to chart, oldest first.</param>
    /// <param name="firstNumber">The number of the first run in the history, for the labels.</param>
    public static string Render(IReadOnlyList<RunRecord> runs, int firstNumber = 1)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var width = Math.Max(560, Left + Right + (runs.Count * 36));
        var plotWidth = width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var step = TickStep(runs.Count == 0 ? 1 : runs.Max(run => run.DurationSeconds));
        var top = Math.Max(step, Math.Ceiling((runs.Count == 0 ? 0 : runs.Max(run => run.DurationSeconds)) / step) * step);
        double Y(double seconds) => Top + plotHeight - (seconds / top * plotHeight);

        var svg = new StringBuilder();
        svg.Append(InlineSvg.OpeningTag("durations-chart", "chart", width, Height, Invariant($"Build and test durations of the last {runs.Count} runs")));
        svg.Append("<title>Build and test durations</title>");

        // Grid lines with their seconds, then the axis.
        for (var tick = 0.0; tick <= top + (step / 2); tick += step)
        {
            svg.Append(Invariant($"<line class=\"grid\" x1=\"{Left:0}\" x2=\"{width - Right:0}\" y1=\"{Y(tick):0.#}\" y2=\"{Y(tick):0.#}\"/>"));
            svg.Append(Invariant($"<text class=\"tick\" x=\"{Left - 6:0}\" y=\"{Y(tick) + 4:0.#}\" text-anchor=\"end\">{HtmlEncode(DurationText.Format(tick))}</text>"));
        }

        var slot = runs.Count == 0 ? plotWidth : plotWidth / runs.Count;
        var bar = Math.Min(14, slot * 0.38);
        var labelEvery = Math.Max(1, (int)Math.Ceiling(runs.Count / (plotWidth / 36)));
        for (var i = 0; i < runs.Count; i++)
        {
            var run = runs[i];
            var number = firstNumber + i;
            var x = Left + (slot * i) + (slot / 2);
            var outcome = run.ExitCode == 0 ? "passed" : "failed";
            var tooltip = HtmlEncode(Invariant(
                $"Run {number}, {run.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC ({string.Join(' ', run.InvokedTargets)}): build {DurationText.Format(run.DurationSeconds)}, tests {DurationText.Format(run.TestDurationSeconds)}, exit code {run.ExitCode}"));
            svg.Append(Invariant($"<g class=\"run {outcome}\">"));
            svg.Append(Invariant($"<rect class=\"bar-build\" x=\"{x - bar:0.#}\" y=\"{Y(run.DurationSeconds):0.#}\" width=\"{bar:0.#}\" height=\"{Y(0) - Y(run.DurationSeconds):0.#}\"><title>{tooltip}</title></rect>"));
            svg.Append(Invariant($"<rect class=\"bar-test\" x=\"{x:0.#}\" y=\"{Y(run.TestDurationSeconds):0.#}\" width=\"{bar:0.#}\" height=\"{Y(0) - Y(run.TestDurationSeconds):0.#}\"><title>{tooltip}</title></rect>"));
            if (i % labelEvery == 0 || i == runs.Count - 1)
            {
                svg.Append(Invariant($"<text class=\"label\" x=\"{x:0.#}\" y=\"{Height - Bottom + 16:0}\" text-anchor=\"middle\">{number}</text>"));
            }

            svg.Append("</g>");
        }

        svg.Append(Invariant($"<line class=\"axis\" x1=\"{Left:0}\" x2=\"{width - Right:0}\" y1=\"{Y(0):0.#}\" y2=\"{Y(0):0.#}\"/>"));
        svg.Append(Invariant($"<text class=\"axis-title\" x=\"{Left + (plotWidth / 2):0}\" y=\"{Height - 4:0}\" text-anchor=\"middle\">run</text>"));
        svg.Append(Invariant($"<g class=\"legend\"><rect class=\"key bar-build\" x=\"{Left:0}\" y=\"8\" width=\"12\" height=\"12\"/><text x=\"{Left + 16:0}\" y=\"18\">build</text>"));
        svg.Append(Invariant($"<rect class=\"key bar-test\" x=\"{Left + 64:0}\" y=\"8\" width=\"12\" height=\"12\"/><text x=\"{Left + 80:0}\" y=\"18\">tests</text>"));
        svg.Append(Invariant($"<rect class=\"key bar-build failed-key\" x=\"{Left + 128:0}\" y=\"8\" width=\"12\" height=\"12\"/><text x=\"{Left + 144:0}\" y=\"18\">failed run</text></g>"));
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>
    /// A round step that cuts the axis into about five parts: 1, 2 or 5 times a power of ten below half a minute, whole
    /// minutes (1, 2, 5, 10, 20, 30, 60) above it, so that the ticks read 2:00 rather than 1:40.
    /// </summary>
    internal static double TickStep(double maximum)
    {
        var rough = Math.Max(maximum, 1) / 5;
        if (rough > 30 && MinuteSteps.FirstOrDefault(step => step >= rough) is > 0 and var minutes)
        {
            return minutes;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        return StepFactors.Select(factor => factor * power).First(candidate => candidate >= rough);
    }
}
