using System.Text;
using System.Text.RegularExpressions;

namespace Kiln.IntegrationTests.Documentation;

/// <summary>
/// One Markdown file of the repository's documentation: its inline links and the anchors its headings get on GitHub.
/// Code blocks and code spans are left out, since what they show is not a link.
/// </summary>
internal sealed partial class MarkdownPage
{
    private MarkdownPage(string path, IReadOnlyList<(int Line, string Target)> links, IReadOnlySet<string> anchors)
    {
        Path = path;
        Links = links;
        Anchors = anchors;
    }

    /// <summary>The file's full path.</summary>
    public string Path { get; }

    /// <summary>Each inline link's target, as written, with its line number.</summary>
    public IReadOnlyList<(int Line, string Target)> Links { get; }

    /// <summary>The anchors GitHub gives the headings: lower case, punctuation dropped, spaces as dashes, repeats numbered.</summary>
    public IReadOnlySet<string> Anchors { get; }

    public static MarkdownPage Read(string path)
    {
        var links = new List<(int, string)>();
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var inFence = false;
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }

            if (inFence)
            {
                continue;
            }

            var text = CodeSpan().Replace(line, "``");
            if (Heading().Match(line) is { Success: true } heading)
            {
                var slug = Slug(heading.Groups[1].Value);
                var unique = slug;
                for (var repeat = 1; !anchors.Add(unique); repeat++)
                {
                    unique = $"{slug}-{repeat}";
                }
            }

            foreach (Match link in InlineLink().Matches(text))
            {
                links.Add((number, link.Groups[1].Value));
            }
        }

        return new MarkdownPage(path, links, anchors);
    }

    private static string Slug(string heading)
    {
        var slug = new StringBuilder();
        foreach (var character in heading.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(character) || character is '-' or '_')
            {
                slug.Append(character);
            }
            else if (character == ' ')
            {
                slug.Append('-');
            }
        }

        return slug.ToString();
    }

    [GeneratedRegex(@"^#{1,6}\s+(.+?)\s*#*\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex CodeSpan();

    // [text](target) or [text](target "title"); images too. The text may hold code spans, already emptied.
    [GeneratedRegex(@"\]\(\s*<?([^)\s>]+)>?(?:\s+""[^""]*"")?\s*\)")]
    private static partial Regex InlineLink();
}
