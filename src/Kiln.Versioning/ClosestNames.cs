namespace Kiln.Versioning;

/// <summary>
/// Kiln.Versioning's "did you mean": the names closest to a mistyped GitVersion.yml key or version variable. It stands
/// alone, as the package does; the engine has its own for targets and parameters.
/// </summary>
internal static class ClosestNames
{
    /// <summary>
    /// The known names closest to <paramref name="typed"/>, ignoring case and separators, closest first: those a few edits
    /// away and those that contain what was typed; at most <paramref name="max"/>.
    /// </summary>
    public static IReadOnlyList<string> Closest(string typed, IEnumerable<string> known, int max = 3)
    {
        var wanted = LettersAndDigits(typed);
        var limit = Math.Max(2, wanted.Length / 3);
        var ranked = new List<(int Distance, string Name)>();
        foreach (var name in known)
        {
            var candidate = LettersAndDigits(name);
            var distance = EditDistance(wanted, candidate);
            if (distance <= limit || (wanted.Length > 0 && candidate.Contains(wanted, StringComparison.Ordinal)))
            {
                ranked.Add((distance, name));
            }
        }

        ranked.Sort((left, right) => left.Distance != right.Distance ? left.Distance.CompareTo(right.Distance) : string.CompareOrdinal(left.Name, right.Name));
        return [.. ranked.Take(max).Select(entry => entry.Name)];
    }

    /// <summary><c>" Did you mean A or B?"</c>, or an empty string when no name is close.</summary>
    public static string DidYouMean(string typed, IEnumerable<string> known) =>
        Closest(typed, known) is { Count: > 0 } closest ? $" Did you mean {string.Join(" or ", closest)}?" : string.Empty;

    /// <summary>The Levenshtein distance between two names, ignoring case, in one row of memory.</summary>
    public static int EditDistance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1));
                diagonal = above;
            }
        }

        return row[b.Length];
    }

    private static string LettersAndDigits(string name) => string.Concat(name.Where(char.IsLetterOrDigit)).ToLowerInvariant();
}
