using System.Text;

namespace Kiln.Parameters;

/// <summary>The spellings of a parameter name: ApiKey, --api-key, API_KEY; and the form they are matched in.</summary>
internal static class ParameterNames
{
    /// <summary>ApiKey gives api-key; HTTPTimeout gives http-timeout.</summary>
    public static string ToKebabCase(string name) => string.Join('-', Words(name)).ToLowerInvariant();

    /// <summary>ApiKey gives API_KEY.</summary>
    public static string ToEnvironmentName(string name) => string.Join('_', Words(name)).ToUpperInvariant();

    /// <summary>The form names are compared in: letters and digits only, lower case (so --nuget-api-key matches NuGetApiKey).</summary>
    public static string Normalize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var character in name.Where(char.IsLetterOrDigit))
        {
            builder.Append(char.ToLowerInvariant(character));
        }

        return builder.ToString();
    }

    private static List<string> Words(string name)
    {
        // A brand spelled with inner capitals is one word: NuGetApiKey is --nuget-api-key and NUGET_API_KEY,
        // GitHubToken is --github-token and GITHUB_TOKEN (the variable GitHub Actions users know).
        name = name.Replace("NuGet", "Nuget", StringComparison.Ordinal).Replace("GitHub", "Github", StringComparison.Ordinal);
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var character = name[i];
            if (!char.IsLetterOrDigit(character))
            {
                Flush();
                continue;
            }

            var startsWord = char.IsUpper(character) && current.Length > 0
                && (!char.IsUpper(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1])));
            if (startsWord)
            {
                Flush();
            }

            current.Append(character);
        }

        Flush();
        return words;

        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
    }
}
