using Kiln.CommandLine;

namespace Kiln.IntegrationTests.Documentation;

/// <summary>The documentation under docs/ and the Markdown files at the root stay true to the repository and the engine.</summary>
public sealed class DocumentationTests
{
    private static readonly string Root = RepositoryRoot.Path;

    [Fact]
    public void Every_relative_link_in_the_documentation_names_a_file_or_folder_that_exists()
    {
        var broken = RelativeLinks()
            .Where(link => !File.Exists(link.Resolved) && !Directory.Exists(link.Resolved))
            .Select(link => $"{link.Where}: {link.Target}")
            .ToList();

        Assert.True(broken.Count == 0, "Links to nothing:\n" + string.Join('\n', broken));
    }

    [Fact]
    public void Every_anchor_in_a_documentation_link_names_a_heading_of_the_page_it_points_at()
    {
        var pages = new Dictionary<string, MarkdownPage>(StringComparer.Ordinal);
        var broken = new List<string>();
        foreach (var link in RelativeLinks().Where(link => link.Anchor is not null && link.Resolved.EndsWith(".md", StringComparison.Ordinal)))
        {
            if (!File.Exists(link.Resolved))
            {
                continue;
            }

            if (!pages.TryGetValue(link.Resolved, out var page))
            {
                page = MarkdownPage.Read(link.Resolved);
                pages.Add(link.Resolved, page);
            }

            if (!page.Anchors.Contains(link.Anchor!))
            {
                broken.Add($"{link.Where}: {link.Target} (headings there: {string.Join(", ", page.Anchors.Order(StringComparer.Ordinal))})");
            }
        }

        Assert.True(broken.Count == 0, "Anchors without a heading:\n" + string.Join('\n', broken));
    }

    [Fact]
    public void The_reference_page_documents_every_engine_option()
    {
        var reference = File.ReadAllText(Path.Combine(Root, "docs", "reference.md"));

        var missing = new EngineOptions().Describe()
            .Select(option => option.CommandLineName)
            .Where(name => !reference.Contains($"`{name}", StringComparison.Ordinal))
            .ToList();

        Assert.True(missing.Count == 0, "docs/reference.md does not mention: " + string.Join(", ", missing));
    }

    [Fact]
    public void The_documentation_index_links_every_page_under_docs()
    {
        var index = MarkdownPage.Read(Path.Combine(Root, "docs", "README.md"));
        var linked = index.Links.Select(link => link.Target.Split('#')[0]).ToHashSet(StringComparer.Ordinal);

        var unlisted = Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md")
            .Select(Path.GetFileName)
            .Where(name => name != "README.md" && !linked.Contains(name!))
            .ToList();

        Assert.True(unlisted.Count == 0, "docs/README.md does not link: " + string.Join(", ", unlisted));
    }

    /// <summary>The Markdown files of the documentation: those at the root and under docs/.</summary>
    private static IEnumerable<string> DocumentationFiles() =>
        Directory.EnumerateFiles(Root, "*.md")
            .Concat(Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal);

    private static IEnumerable<(string Where, string Target, string Resolved, string? Anchor)> RelativeLinks()
    {
        foreach (var file in DocumentationFiles())
        {
            var page = MarkdownPage.Read(file);
            foreach (var (line, target) in page.Links)
            {
                if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
                {
                    continue;
                }

                var hash = target.IndexOf('#', StringComparison.Ordinal);
                var path = hash < 0 ? target : target[..hash];
                var anchor = hash < 0 ? null : target[(hash + 1)..];
                var resolved = path.Length == 0 ? file : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, Uri.UnescapeDataString(path)));
                yield return ($"{Path.GetRelativePath(Root, file)}({line})", target, resolved, anchor);
            }
        }
    }
}
