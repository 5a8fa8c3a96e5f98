using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Kiln.Versioning.Output;

/// <summary>
/// Expands GitVersion's format strings (<c>assembly-versioning-format</c> and the like): <c>{Variable}</c>,
/// <c>{Variable:format}</c> (a .NET format for numbers and dates; u, l, t, s or c for text), <c>{Variable ?? fallback}</c>,
/// <c>{env:NAME}</c> and <c>{env:NAME ?? "fallback"}</c>. Text outside braces, and braces that hold no such
/// expression, are kept as they are.
/// </summary>
/// <param name="values">The variables a placeholder may name, by name ignoring case: strings, numbers, dates.</param>
/// <param name="environment">Where <c>{env:NAME}</c> is read from; the process environment when null.</param>
internal sealed partial class VersionFormat(IReadOnlyDictionary<string, object?> values, IReadOnlyDictionary<string, string>? environment)
{
    /// <summary>The expanded format, or <paramref name="unformatted"/> when no format is set.</summary>
    /// <param name="setting">The configuration key the format came from, for error messages.</param>
    /// <param name="format">The format string, or null or empty for none.</param>
    /// <param name="unformatted">The value when there is no format.</param>
    [return: NotNullIfNotNull(nameof(unformatted))]
    public string? Apply(string setting, string? format, string? unformatted) =>
        string.IsNullOrEmpty(format) ? unformatted : Expand(setting, format);

    /// <summary>Replaces every placeholder in <paramref name="format"/>.</summary>
    /// <exception cref="VersioningException">A placeholder names an unknown variable, or an unset environment variable without a fallback.</exception>
    public string Expand(string setting, string format)
    {
        var expanded = new StringBuilder(format.Length);
        var position = 0;
        while (position < format.Length)
        {
            var open = format.IndexOf('{', position);
            var close = open < 0 ? -1 : ClosingBrace(format, open);
            if (close < 0)
            {
                expanded.Append(format, position, format.Length - position);
                break;
            }

            expanded.Append(format, position, open - position);
            var expression = format[(open + 1)..close];
            expanded.Append(Evaluate(setting, format, expression) ?? "{" + expression + "}");
            position = close + 1;
        }

        return expanded.ToString();
    }

    /// <summary>The index of the <c>}</c> that closes the brace at <paramref name="open"/>, skipping quoted fallbacks; -1 when none.</summary>
    private static int ClosingBrace(string format, int open)
    {
        var quoted = false;
        for (var index = open + 1; index < format.Length; index++)
        {
            switch (format[index])
            {
                case '"':
                    quoted = !quoted;
                    break;
                case '}' when !quoted:
                    return index;
                default:
                    break;
            }
        }

        return -1;
    }

    /// <summary>The placeholder's text, or null when the braces hold no placeholder.</summary>
    private string? Evaluate(string setting, string format, string expression)
    {
        var match = Placeholder().Match(expression);
        if (!match.Success)
        {
            return null;
        }

        var fallback = match.Groups["fallback"].Success ? match.Groups["fallback"].Value : null;
        if (match.Groups["env"].Success)
        {
            var name = match.Groups["env"].Value;
            return ReadEnvironment(name) ?? fallback ?? throw new VersioningException(
                $"The {setting} '{format}' reads the environment variable {name}, which is not set: set it, or give a fallback as {{env:{name} ?? \"value\"}}.");
        }

        var variable = match.Groups["name"].Value;
        if (!values.TryGetValue(variable, out var value))
        {
            throw new VersioningException(
                $"The {setting} '{format}' refers to {{{variable}}}, which is not a version variable.{ClosestNames.DidYouMean(variable, values.Keys)}");
        }

        return value is null ? fallback ?? string.Empty : FormatValue(value, match.Groups["format"].Success ? match.Groups["format"].Value : null);
    }

    private string? ReadEnvironment(string name) =>
        environment is null ? Environment.GetEnvironmentVariable(name) : environment.GetValueOrDefault(name);

    private static string FormatValue(object value, string? format) => value switch
    {
        string text => FormatText(text, format),
        IFormattable formattable => formattable.ToString(format, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>u upper, l lower, t Title-Case, s Sentence-case, c PascalCase (separators removed); any other format leaves the text.</summary>
    private static string FormatText(string text, string? format) => format switch
    {
        "u" => text.ToUpperInvariant(),
        "l" => text.ToLowerInvariant(),
        "t" => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(text.ToLowerInvariant()),
        "s" when text.Length > 0 => char.ToUpperInvariant(text[0]) + text[1..].ToLowerInvariant(),
        "c" => string.Concat(WordSeparators().Split(text).Where(word => word.Length > 0).Select(word => char.ToUpperInvariant(word[0]) + word[1..])),
        _ => text,
    };

    [GeneratedRegex("""^\s*(?:env:(?<env>\w+)|(?<name>\w+)(?::(?<format>[^?]+?))?)\s*(?:\?\?\s*(?:"(?<fallback>[^"]*)"|(?<fallback>\S+))\s*)?$""")]
    private static partial Regex Placeholder();

    [GeneratedRegex("[^A-Za-z0-9]+")]
    private static partial Regex WordSeparators();
}
