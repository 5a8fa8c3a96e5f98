using static System.FormattableString;
using static System.Net.WebUtility;

namespace Kiln.Reporting;

/// <summary>What every SVG drawn into the report opens with: its element id, its CSS class, its size and its accessible label.</summary>
internal static class InlineSvg
{
    /// <summary>The opening <c>svg</c> tag; the viewBox is the size, so one unit is one pixel.</summary>
    public static string OpeningTag(string id, string cssClass, double width, double height, string label) =>
        Invariant($"<svg id=\"{id}\" class=\"{cssClass}\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:0}\" height=\"{height:0}\" viewBox=\"0 0 {width:0} {height:0}\" role=\"img\" aria-label=\"{HtmlEncode(label)}\">");
}
