using System.Buffers;

namespace Kiln.Scanning.Secrets;

/// <summary>
/// Finds the values the rules match in one text. A rule's pattern runs only when the text contains one of the rule's
/// keywords (all keywords are found in one vectorized pass); when two rules match overlapping characters, the rule
/// listed first wins, so a GitHub token assigned to <c>token</c> is one finding, not two. Thread-safe.
/// </summary>
internal sealed class SecretMatcher
{
    private readonly IReadOnlyList<SecretRule> rules;
    private readonly string[] keywords;
    private readonly int[][] rulesByKeyword;
    private readonly SearchValues<string> keywordSearch;

    public SecretMatcher(IReadOnlyList<SecretRule> rules)
    {
        this.rules = rules;
        keywords = rules.SelectMany(rule => rule.Keywords).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        rulesByKeyword = keywords
            .Select(keyword => Enumerable.Range(0, rules.Count)
                .Where(index => rules[index].Keywords.Contains(keyword, StringComparer.OrdinalIgnoreCase))
                .ToArray())
            .ToArray();
        keywordSearch = SearchValues.Create(keywords, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The matches in <paramref name="text"/>, in the order they appear.</summary>
    public List<SecretMatch> Find(string text)
    {
        var matches = new List<SecretMatch>();
        var active = ActiveRules(text);
        for (var index = 0; index < rules.Count; index++)
        {
            if (active[index])
            {
                Collect(rules[index], text, matches);
            }
        }

        matches.Sort((left, right) => left.Index.CompareTo(right.Index));
        return matches;
    }

    private static void Collect(SecretRule rule, string text, List<SecretMatch> matches)
    {
        for (var match = rule.Pattern.Match(text); match.Success; match = match.NextMatch())
        {
            var group = match.Groups["secret"];
            var (index, length) = group.Success ? (group.Index, group.Length) : (match.Index, match.Length);
            var value = text.AsSpan(index, length);
            if (PlaceholderValues.IsPlaceholder(value)
                || ShannonEntropy.Of(value) < rule.MinimumEntropy
                || (rule.Confirm is { } confirm && !confirm(text, match))
                || matches.Exists(other => other.Index < index + length && index < other.Index + other.Length))
            {
                continue;
            }

            matches.Add(new SecretMatch(rule, index, length, value.ToString()));
        }
    }

    /// <summary>Which rules have a keyword in the text: one search for all keywords, stopping once each is seen.</summary>
    private bool[] ActiveRules(string text)
    {
        var active = new bool[rules.Count];
        var seen = new bool[keywords.Length];
        var unseen = keywords.Length;
        var rest = text.AsSpan();
        while (unseen > 0)
        {
            var found = rest.IndexOfAny(keywordSearch);
            if (found < 0)
            {
                break;
            }

            rest = rest[found..];
            for (var keyword = 0; keyword < keywords.Length; keyword++)
            {
                if (!seen[keyword] && rest.StartsWith(keywords[keyword], StringComparison.OrdinalIgnoreCase))
                {
                    seen[keyword] = true;
                    unseen--;
                    foreach (var rule in rulesByKeyword[keyword])
                    {
                        active[rule] = true;
                    }
                }
            }

            rest = rest[1..];
        }

        return active;
    }
}
