using System.Text.RegularExpressions;

namespace Kiln.GitHub;

/// <summary>
/// The notes of one version, taken from a Keep a Changelog file: the body under its <c>## [1.2.0] - date</c> heading
/// (also <c>## [1.2.0]</c>, <c>## 1.2.0</c> or <c>## v1.2.0</c>) up to the next <c>## </c> heading, trimmed, without
/// the link reference definitions (<c>[1.2.0]: https://...</c>) that close such files after the last section. Headings inside fenced code
/// blocks do not count. A tagged release never falls back to the [Unreleased] section.
/// </summary>
public static partial class ReleaseNotes
{
    /// <summary>Reads the section of the version from the changelog.</summary>
    /// <param name="changelogFile">CHANGELOG.md.</param>
    /// <param name="version">The version, with or without a leading v (a tag such as v1.2.0 will do).</param>
    /// <returns>The section's Markdown.</returns>
    /// <exception cref="KilnException">The file is missing, or has no section for the version, or an empty one.</exception>
    public static string FromChangelog(string changelogFile, string version)
    {
        ArgumentNullException.ThrowIfNull(changelogFile);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        var bare = Bare(version);
        if (!File.Exists(changelogFile))
        {
            throw new KilnException($"{changelogFile} does not exist: the release notes of {bare} come from it; create it with a '## [{bare}] - yyyy-mm-dd' section (keepachangelog.com).");
        }

        return Extract(File.ReadAllText(changelogFile), bare) switch
        {
            null => throw new KilnException($"{changelogFile} has no section for {bare}: add a '## [{bare}] - yyyy-mm-dd' heading with the release's changes (rename [Unreleased]), commit, and tag again."),
            "" => throw new KilnException($"{changelogFile} has an empty section for {bare}: list the release's changes under its heading, commit, and tag again."),
            var notes => notes,
        };
    }

    /// <summary>The section of the version in the changelog's text, trimmed; null when it has none.</summary>
    internal static string? Extract(string changelog, string version)
    {
        ArgumentNullException.ThrowIfNull(changelog);
        ArgumentNullException.ThrowIfNull(version);
        var bare = Bare(version);
        var lines = changelog.ReplaceLineEndings("\n").Split('\n');
        var headings = Headings(lines);
        var start = headings.FindIndex(index => VersionHeading().Match(lines[index]) is { Success: true } match
            && string.Equals(match.Groups["version"].Value, bare, StringComparison.OrdinalIgnoreCase));
        if (start < 0)
        {
            return null;
        }

        var end = start + 1 < headings.Count ? headings[start + 1] : lines.Length;
        var body = lines[(headings[start] + 1)..end].ToList();

        // The link definitions Keep a Changelog puts at the end of the file follow the last section; a definition in
        // another section belongs to that section's text.
        while (end == lines.Length && body.Count > 0 && (string.IsNullOrWhiteSpace(body[^1]) || LinkDefinition().IsMatch(body[^1])))
        {
            body.RemoveAt(body.Count - 1);
        }

        return string.Join('\n', body).Trim();
    }

    private static string Bare(string version) => version.Trim().TrimStart('v', 'V');

    /// <summary>The indexes of the lines that are level-1 or level-2 headings outside fenced code blocks.</summary>
    private static List<int> Headings(string[] lines)
    {
        var headings = new List<int>();
        string? fence = null;
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].TrimStart();
            if (fence is null && (line.StartsWith("```", StringComparison.Ordinal) || line.StartsWith("~~~", StringComparison.Ordinal)))
            {
                fence = line[..3];
            }
            else if (fence is not null && line.StartsWith(fence, StringComparison.Ordinal))
            {
                fence = null;
            }
            else if (fence is null && SectionHeading().IsMatch(lines[index]))
            {
                headings.Add(index);
            }
        }

        return headings;
    }

    /// <summary>A heading that ends a section: "# ..." or "## ..." (a "### Added" stays inside it).</summary>
    [GeneratedRegex(@"^#{1,2}(?:\s|$)")]
    private static partial Regex SectionHeading();

    /// <summary>A level-2 heading naming a version: "## [1.2.0] - 2026-11-20", "## [1.2.0](link)", "## 1.2.0", "## v1.2.0".</summary>
    [GeneratedRegex(@"^##\s+(?:\[v?(?<version>\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)\]|v?(?<version>\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)(?:\s|$))", RegexOptions.IgnoreCase)]
    private static partial Regex VersionHeading();

    /// <summary>A Markdown link reference definition: "[1.2.0]: https://...".</summary>
    [GeneratedRegex(@"^\s{0,3}\[[^\]]+\]:\s*\S+")]
    private static partial Regex LinkDefinition();
}
