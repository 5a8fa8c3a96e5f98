// Kiln.Versioning, Kiln.Scanning and Kiln.GitHubActions compile this same file (linked) for their own "did you mean"
// messages: it is internal here, and Kiln.Versioning cannot reference the engine.
#if KILN_VERSIONING
namespace Kiln.Versioning.Output;
#elif KILN_SCANNING
namespace Kiln.Scanning.Secrets;
#elif KILN_GITHUBACTIONS
namespace Kiln.GitHubActions;
#else
namespace Kiln.Planning;
#endif

/// <summary>Finds the known names closest to a mistyped one, for "did you mean" messages.</summary>
internal static class NameSuggestions
{
    public static IReadOnlyList<string> Closest(string typed, IEnumerable<string> known, int max = 3)
    {
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

    /// <summary>" Did you mean A or B?" or an empty string.</summary>
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
