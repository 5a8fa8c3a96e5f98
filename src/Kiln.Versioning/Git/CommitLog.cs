using System.Globalization;

namespace Kiln.Versioning.Git;

/// <summary>
/// The one <c>git log</c> call that reads the whole commit graph, and the parser for its output.
/// </summary>
/// <remarks>
/// With <c>-z</c> every field ends in a NUL, and each commit starts with an empty field (<c>%x00</c>): commit
/// messages cannot contain NUL and paths are never empty, so the empty field unambiguously starts the next commit.
/// A commit is then: empty, sha, parents (space separated, first parent first), committer date (strict ISO 8601),
/// raw message, and with <c>--name-only</c> its paths (the first one preceded by a newline).
/// </remarks>
internal static class CommitLog
{
    private const int HeaderFields = 5;

    /// <summary>The arguments that log every commit reachable from a branch, remote-tracking branch, tag or HEAD.</summary>
    public static IReadOnlyList<string> Arguments(bool readPaths)
    {
        List<string> arguments = ["log", "-z", "--no-color", "--encoding=UTF-8", "--format=%x00%H%x00%P%x00%cI%x00%B"];
        if (readPaths)
        {
            arguments.AddRange(["--name-only", "--root", "--no-renames", "--diff-merges=first-parent", "--no-ext-diff"]);
        }

        arguments.AddRange(["--branches", "--remotes", "--tags", "HEAD", "--"]);
        return arguments;
    }

    /// <summary>Reads the commits out of the output of a log run with <see cref="Arguments"/>.</summary>
    /// <exception cref="VersioningException">The output is not in the expected shape.</exception>
    public static List<Commit> Parse(string output, bool readPaths)
    {
        var fields = output.Split('\0');
        var commits = new List<Commit>();
        var index = 0;
        while (index < fields.Length)
        {
            if (fields[index].Length > 0 || index + HeaderFields > fields.Length)
            {
                if (index == fields.Length - 1 && fields[index].Length == 0)
                {
                    break;
                }

                throw Unexpected(index, fields);
            }

            var sha = fields[index + 1];
            var parents = fields[index + 2].Length == 0 ? [] : fields[index + 2].Split(' ');
            var date = ParseDate(fields[index + 3], sha);
            var message = fields[index + 4];
            index += HeaderFields;

            List<string>? paths = readPaths ? [] : null;
            while (index < fields.Length && fields[index].Length > 0)
            {
                if (paths is null)
                {
                    throw Unexpected(index, fields);
                }

                var path = fields[index];
                paths.Add(paths.Count == 0 && path[0] == '\n' ? path[1..] : path);
                index++;
            }

            commits.Add(new Commit(sha, parents, date, message) { Paths = paths });
        }

        return commits;
    }

    private static DateTimeOffset ParseDate(string text, string sha) =>
        DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new VersioningException($"git log gave commit {sha} the committer date '{text}', which is not an ISO 8601 date: check the git version (2.31 or later is needed).");

    private static VersioningException Unexpected(int index, string[] fields) =>
        new($"git log printed output Kiln cannot read (field {index} of {fields.Length}: '{Shorten(fields[index])}'): check the git version (2.31 or later is needed).");

    private static string Shorten(string text) => text.Length > 60 ? text[..60] + "..." : text;
}
