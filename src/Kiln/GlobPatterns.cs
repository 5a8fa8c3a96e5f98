using Microsoft.Extensions.FileSystemGlobbing;

namespace Kiln;

/// <summary>Globs as builds write them: relative to the root, ordinal case, a leading ! excludes.</summary>
public static class GlobPatterns
{
    /// <summary>A matcher that includes each pattern and excludes each one that starts with !.</summary>
    /// <param name="patterns">Globs such as <c>tests/**/*.Tests.csproj</c> or <c>!**/bin/**</c>.</param>
    public static Matcher Matcher(IEnumerable<string> patterns)
    {
        var matcher = new Matcher(StringComparison.Ordinal);
        foreach (var pattern in patterns)
        {
            if (pattern.StartsWith('!'))
            {
                matcher.AddExclude(pattern[1..]);
            }
            else
            {
                matcher.AddInclude(pattern);
            }
        }

        return matcher;
    }
}
