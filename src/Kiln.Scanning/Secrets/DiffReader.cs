using System.Globalization;
using System.Text;

namespace Kiln.Scanning.Secrets;

/// <summary>
/// Reads the added lines out of <c>git diff</c> or <c>git log -p --format=%x01%H</c> output made with
/// <c>--unified=0</c>: per file (and commit), the added text and each line's number in the new version, taken from the
/// hunk headers. Hunk lines are counted from their headers, so added content that looks like a header is still content.
/// Lines end at <c>\n</c> only, as git counts them.
/// </summary>
internal static class DiffReader
{
    /// <summary>The marker <c>--format=%x01%H</c> puts before each commit's sha.</summary>
    public const char CommitMarker = '\u0001';

    public static List<AddedLines> Read(TextReader reader)
    {
        var result = new List<AddedLines>();
        string? commit = null;
        string? path = null;
        var text = new StringBuilder();
        var lineNumbers = new List<int>();
        var removedLeft = 0;
        var addedLeft = 0;
        var nextLine = 0;

        foreach (var line in Lines(reader))
        {
            if (removedLeft > 0 || addedLeft > 0)
            {
                if (line.StartsWith('+') && addedLeft > 0)
                {
                    if (path is not null)
                    {
                        text.Append(line, 1, line.Length - 1).Append('\n');
                        lineNumbers.Add(nextLine);
                    }

                    nextLine++;
                    addedLeft--;
                }
                else if (line.StartsWith('-') && removedLeft > 0)
                {
                    removedLeft--;
                }

                // Anything else ("\ No newline at end of file") belongs to the hunk and is skipped.
                continue;
            }

            if (line.Length > 0 && line[0] == CommitMarker)
            {
                Flush();
                commit = line[1..].Trim();
            }
            else if (line.StartsWith("diff ", StringComparison.Ordinal))
            {
                Flush();
            }
            else if (line.StartsWith("+++ ", StringComparison.Ordinal))
            {
                var target = Unquote(line[4..]);
                path = target.StartsWith("b/", StringComparison.Ordinal) ? target[2..] : null;
            }
            else if (line.StartsWith("@@ ", StringComparison.Ordinal))
            {
                (removedLeft, nextLine, addedLeft) = ParseHunkHeader(line);
            }
        }

        Flush();
        return result;

        void Flush()
        {
            if (path is not null && lineNumbers.Count > 0)
            {
                result.Add(new AddedLines(commit, path, text.ToString(), lineNumbers.ToArray()));
            }

            path = null;
            text.Clear();
            lineNumbers.Clear();
        }
    }

    /// <summary><c>@@ -a[,b] +c[,d] @@</c>: b lines removed, d lines added starting at line c of the new version.</summary>
    private static (int Removed, int Start, int Added) ParseHunkHeader(string header)
    {
        var parts = header.Split(' ', 4);
        var (_, removed) = Range(parts[1]);
        var (start, added) = Range(parts[2]);
        return (removed, start, added);

        static (int Start, int Count) Range(string range)
        {
            var numbers = range[1..].Split(',');
            var start = int.Parse(numbers[0], CultureInfo.InvariantCulture);
            return (start, numbers.Length > 1 ? int.Parse(numbers[1], CultureInfo.InvariantCulture) : 1);
        }
    }

    /// <summary>git quotes a path with unusual characters as a C string: <c>"b/a\tb"</c>.</summary>
    private static string Unquote(string path)
    {
        if (path.Length < 2 || path[0] != '"' || path[^1] != '"')
        {
            return path;
        }

        var bytes = new List<byte>();
        for (var index = 1; index < path.Length - 1; index++)
        {
            var character = path[index];
            if (character != '\\' || index + 1 >= path.Length - 1)
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(character.ToString()));
                continue;
            }

            var escaped = path[++index];
            if (escaped is >= '0' and <= '7' && index + 2 < path.Length - 1)
            {
                bytes.Add(Convert.ToByte(path.Substring(index, 3), 8));
                index += 2;
                continue;
            }

            bytes.Add((byte)(escaped switch
            {
                'a' => '\a',
                'b' => '\b',
                't' => '\t',
                'n' => '\n',
                'v' => '\v',
                'f' => '\f',
                'r' => '\r',
                _ => escaped,
            }));
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    /// <summary>The reader's lines split at <c>\n</c> alone (a lone <c>\r</c> inside a line stays), without a trailing <c>\r</c>.</summary>
    private static IEnumerable<string> Lines(TextReader reader)
    {
        var buffer = new char[64 * 1024];
        var line = new StringBuilder();
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            var start = 0;
            for (var index = Array.IndexOf(buffer, '\n', 0, read); index >= 0; index = Array.IndexOf(buffer, '\n', start, read - start))
            {
                line.Append(buffer, start, index - start);
                yield return Line(line);
                line.Clear();
                start = index + 1;
            }

            line.Append(buffer, start, read - start);
        }

        if (line.Length > 0)
        {
            yield return Line(line);
        }

        static string Line(StringBuilder line) =>
            line.Length > 0 && line[^1] == '\r' ? line.ToString(0, line.Length - 1) : line.ToString();
    }
}
