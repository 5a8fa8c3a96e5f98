using System;
using System.Text;
using Microsoft.CodeAnalysis;

namespace Kiln.Tools.FluentApiGenerator;

/// <summary>A symbol's own XML summary, on one line, so that what is generated from it documents itself.</summary>
internal static class DocumentationSummary
{
    private const string Start = "<summary>";
    private const string End = "</summary>";

    /// <summary>
    /// The inner XML of the summary, its whitespace folded; null when the symbol has none. Read as text: the compiler
    /// checked the comment's XML already, and an XML parser would be one more assembly to load in every compilation.
    /// </summary>
    public static string? Of(ISymbol symbol)
    {
        var xml = symbol.GetDocumentationCommentXml();
        var start = xml?.IndexOf(Start, StringComparison.Ordinal) ?? -1;
        var end = start < 0 ? -1 : xml!.IndexOf(End, start, StringComparison.Ordinal);
        return end < 0 ? null : Folded(xml!.Substring(start + Start.Length, end - start - Start.Length));
    }

    private static string Folded(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var character in text)
        {
            if (!char.IsWhiteSpace(character))
            {
                folded.Append(character);
            }
            else if (folded.Length > 0 && folded[folded.Length - 1] != ' ')
            {
                folded.Append(' ');
            }
        }

        return folded.ToString().TrimEnd();
    }
}
