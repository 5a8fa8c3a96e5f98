namespace Kiln.Planning;

/// <summary>
/// Finds the known names closest to a mistyped one, for "did you mean" messages: case and separators do not count
/// (<c>unit-test</c> finds <c>UnitTest</c>), a few typos do, and a name that contains what was typed is offered too.
/// </summary>
public static class NameSuggestions
{
    /// <summary>The known names closest to <paramref name="typed"/>, closest first (then in ordinal order); empty when none is close.</summary>
    /// <param name="typed">The name as the user wrote it.</param>
    /// <param name="known">The names that exist.</param>
    /// <param name="max">How many names at the most.</param>
    public static IReadOnlyList<string> Closest(string typed, IEnumerable<string> known, int max = 3)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(known);
        var normalizedTyped = Normalize(typed);
        return known
            .Select(name => (Name: name, Distance: Distance(normalizedTyped, Normalize(name))))
            .Where(candidate => candidate.Distance <= Math.Max(2, normalizedTyped.Length / 3)
                || (normalizedTyped.Length > 0 && Normalize(candidate.Name).Contains(normalizedTyped, StringComparison.Ordinal)))
            .OrderBy(candidate => candidate.Distance)
            .ThenBy(candidate => candidate.Name, StringComparer.Ordinal)
            .Take(max)
            .Select(candidate => candidate.Name)
            .ToList();
    }

    /// <summary>
    /// <c>" Did you mean A or B?"</c> with the closest names, or an empty string: appended to a message that names the
    /// mistyped name.
    /// </summary>
    /// <param name="typed">The name as the user wrote it.</param>
    /// <param name="known">The names that exist.</param>
    /// <param name="format">How a suggested name is shown (<c>name =&gt; "--" + name</c>); as it is when null.</param>
    public static string DidYouMean(string typed, IEnumerable<string> known, Func<string, string>? format = null)
    {
        var closest = Closest(typed, known).Select(format ?? (name => name)).ToList();
        return closest.Count == 0 ? string.Empty : $" Did you mean {string.Join(" or ", closest)}?";
    }

    private static string Normalize(string name) =>
        new(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
