using System.Text.RegularExpressions;

namespace Kiln.GitHub;

/// <summary>
/// Expands the URI templates (RFC 6570) GitHub answers with, such as a release's upload URL
/// <c>https://uploads.github.com/repos/o/r/releases/1/assets{?name,label}</c>: simple <c>{var}</c> and form-style
/// query <c>{?a,b}</c> and <c>{&amp;a,b}</c> expressions; a variable without a value is left out, values are
/// percent-encoded. Other operators are refused rather than guessed at.
/// </summary>
internal static partial class UriTemplate
{
    /// <summary>The template with its expressions replaced by the values.</summary>
    /// <exception cref="KilnException">The template uses an expression this does not expand, or is no absolute URL.</exception>
    public static Uri Expand(string template, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        var expanded = Expression().Replace(template, expression =>
        {
            var defined = expression.Groups["names"].Value.Split(',')
                .Where(values.ContainsKey)
                .Select(name => (Name: name, Value: Uri.EscapeDataString(values[name])))
                .ToList();
            return expression.Groups["operator"].Value switch
            {
                "" => string.Join(',', defined.Select(variable => variable.Value)),
                "?" or "&" when defined.Count == 0 => string.Empty,
                var form and ("?" or "&") => form + string.Join('&', defined.Select(variable => $"{variable.Name}={variable.Value}")),
                _ => throw Unsupported(template),
            };
        });
        return expanded.Contains('{', StringComparison.Ordinal) || !Uri.TryCreate(expanded, UriKind.Absolute, out var uri)
            ? throw Unsupported(template)
            : uri;
    }

    private static KilnException Unsupported(string template) =>
        new($"GitHub answered with the URL template '{template}', which Kiln cannot expand (it knows {{var}}, {{?var}} and {{&var}}): report it with the API URL used.");

    /// <summary>An expression: an optional operator, then variable names separated by commas.</summary>
    [GeneratedRegex(@"\{(?<operator>[+#./;?&]?)(?<names>[A-Za-z0-9_.%]+(?:,[A-Za-z0-9_.%]+)*)\}")]
    private static partial Regex Expression();
}
