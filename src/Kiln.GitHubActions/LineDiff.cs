namespace Kiln.GitHubActions;

/// <summary>A line diff (longest common subsequence) shown as -/+ lines with a little context, for drift messages.</summary>
internal static class LineDiff
{
    public static IReadOnlyList<string> Unified(string before, string after, int context = 2)
    {
        var a = before.Split('\n');
        var b = after.Split('\n');
        var lengths = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lengths[i, j] = a[i] == b[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        var lines = new List<(char Kind, string Text)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                lines.Add((' ', a[x++]));
                y++;
            }
            else if (y < b.Length && (x == a.Length || lengths[x, y + 1] >= lengths[x + 1, y]))
            {
                lines.Add(('+', b[y++]));
            }
            else
            {
                lines.Add(('-', a[x++]));
            }
        }

        // Keep the changed lines and a few around them.
        var keep = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Kind != ' ')
            {
                for (var k = Math.Max(0, i - context); k <= Math.Min(lines.Count - 1, i + context); k++)
                {
                    keep[k] = true;
                }
            }
        }

        var output = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (keep[i])
            {
                output.Add($"{lines[i].Kind} {lines[i].Text}");
            }
            else if (i > 0 && keep[i - 1])
            {
                output.Add("  ...");
            }
        }

        return output;
    }
}
