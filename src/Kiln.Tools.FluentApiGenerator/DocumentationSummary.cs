using System.Linq;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace Kiln.Tools.FluentApiGenerator;

/// <summary>A symbol's own XML summary, on one line, so that what is generated from it documents itself.</summary>
internal static class DocumentationSummary
{
    private static readonly Regex Whitespace = new(@"\s+", RegexOptions.Compiled);

    /// <summary>The inner XML of the summary, its whitespace folded; null when the symbol has none.</summary>
    public static string? Of(ISymbol symbol)
    {
        var xml = symbol.GetDocumentationCommentXml();
        if (string.IsNullOrWhiteSpace(xml))
        {
            return null;
        }

        try
        {
            var summary = XElement.Parse(xml).Element("summary");
            if (summary is null)
            {
                return null;
            }

            var inner = string.Concat(summary.Nodes().Select(node => node.ToString(SaveOptions.DisableFormatting)));
            return Whitespace.Replace(inner, " ").Trim();
        }
        catch (XmlException)
        {
            return null;
        }
    }
}
