using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace Kiln.Logging;

/// <summary>
/// Renders a Serilog-style message template with its values: <c>"Packed {Count} packages into {Folder}"</c>. Named
/// holes take the values in the order the names first appear (a repeated name repeats its value); when every hole is
/// a number, the number is the value's index. <c>{Name:format}</c> formats in the invariant culture,
/// <c>{Name,10}</c> and <c>{Name,-10}</c> pad, <c>{@Name}</c> shows an object's public properties, <c>{$Name}</c>
/// its <c>ToString()</c>; <c>{{</c> and <c>}}</c> are braces. A hole without a value, or not a hole, stays as written.
/// </summary>
internal static class MessageTemplate
{
    private const int MaxDepth = 5;

    public static string Render(string template, IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(template);
        var holes = Parse(template);
        var named = holes.Where(part => part.Hole is not null).Select(part => part.Hole!).ToList();
        var positional = named.Count > 0 && named.All(hole => hole.IsNumeric);
        var names = new List<string>();
        var text = new StringBuilder(template.Length);
        foreach (var (literal, hole) in holes)
        {
            if (hole is null)
            {
                text.Append(literal);
                continue;
            }

            int index;
            if (positional)
            {
                index = int.Parse(hole.Name, CultureInfo.InvariantCulture);
            }
            else
            {
                index = names.IndexOf(hole.Name);
                if (index < 0)
                {
                    names.Add(hole.Name);
                    index = names.Count - 1;
                }
            }

            text.Append(index < values.Count ? Pad(RenderHole(hole, values[index]), hole.Alignment) : literal);
        }

        return text.ToString();
    }

    private static string RenderHole(Hole hole, object? value) => hole.Operator switch
    {
        '@' => Structure(value, 0),
        '$' => value?.ToString() ?? "null",
        _ => Scalar(value, hole.Format, top: true),
    };

    private static string Pad(string text, int? alignment) => alignment switch
    {
        null => text,
        < 0 => text.PadRight(-alignment.Value),
        _ => text.PadLeft(alignment.Value),
    };

    // Like Serilog: a collection shows its items even without @, a string at the top level shows without quotes.
    private static string Scalar(object? value, string? format, bool top) => value switch
    {
        null => "null",
        string text => top ? text : Quote(text),
        IFormattable formattable => formattable.ToString(format, CultureInfo.InvariantCulture),
        IEnumerable items => Sequence(items, depth: 0, structure: false),
        _ => value.ToString() ?? string.Empty,
    };

    [UnconditionalSuppressMessage(
        "Trimming",
        "IL2075",
        Justification = "Destructuring ({@value}) shows the public properties of what a build logs; one the trimmer removed because nothing used it is left out of the message, which is all that can be shown of it.")]
    private static string Structure(object? value, int depth)
    {
        switch (value)
        {
            case null:
                return "null";
            case string text:
                return Quote(text);
            case var _ when IsScalar(value.GetType()):
                return Scalar(value, format: null, top: false);
            case IDictionary dictionary when depth < MaxDepth:
                return "{ " + string.Join(", ", Entries(dictionary).Select(entry => $"{Scalar(entry.Key, null, top: true)}: {Structure(entry.Value, depth + 1)}")) + " }";
            case IEnumerable items when depth < MaxDepth:
                return Sequence(items, depth, structure: true);
            case var _ when depth < MaxDepth:
                var type = value.GetType();
                var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(property => property.CanRead && property.GetIndexParameters().Length == 0)
                    .Select(property => $"{property.Name}: {Structure(Read(property, value), depth + 1)}");
                var name = type.Name.Contains('<', StringComparison.Ordinal) ? string.Empty : type.Name + " ";
                return name + "{ " + string.Join(", ", properties) + " }";
            default:
                return value.ToString() ?? string.Empty;
        }
    }

    // IDictionary's own enumerator gives DictionaryEntry; IEnumerable's (which Cast would use) gives KeyValuePair.
    private static IEnumerable<DictionaryEntry> Entries(IDictionary dictionary)
    {
        var enumerator = dictionary.GetEnumerator();
        while (enumerator.MoveNext())
        {
            yield return enumerator.Entry;
        }
    }

    private static string Sequence(IEnumerable items, int depth, bool structure) =>
        "[" + string.Join(", ", items.Cast<object?>().Select(item => structure ? Structure(item, depth + 1) : Scalar(item, null, top: false))) + "]";

    private static object? Read(PropertyInfo property, object value)
    {
        try
        {
            return property.GetValue(value);
        }
        catch (TargetInvocationException exception)
        {
            return $"threw {exception.InnerException?.GetType().Name}";
        }
    }

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(decimal) || type == typeof(DateTime) || type == typeof(DateTimeOffset)
        || type == typeof(TimeSpan) || type == typeof(Guid) || type == typeof(Uri) || type == typeof(Version) || type == typeof(AbsolutePath);

    private static string Quote(string text) => "\"" + text.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static List<(string Literal, Hole? Hole)> Parse(string template)
    {
        var parts = new List<(string, Hole?)>();
        var literal = new StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            var character = template[i];
            if ((character == '{' || character == '}') && i + 1 < template.Length && template[i + 1] == character)
            {
                literal.Append(character);
                i++;
                continue;
            }

            var end = character == '{' ? template.IndexOf('}', i + 1) : -1;
            if (end > i && Hole.TryParse(template[(i + 1)..end]) is { } hole)
            {
                if (literal.Length > 0)
                {
                    parts.Add((literal.ToString(), null));
                    literal.Clear();
                }

                parts.Add((template[i..(end + 1)], hole));
                i = end;
                continue;
            }

            literal.Append(character);
        }

        if (literal.Length > 0)
        {
            parts.Add((literal.ToString(), null));
        }

        return parts;
    }

    private sealed record Hole(string Name, char? Operator, int? Alignment, string? Format)
    {
        public bool IsNumeric => Name.All(char.IsAsciiDigit);

        // [@$]Name[,alignment][:format], Name of letters, digits and underscores.
        public static Hole? TryParse(string text)
        {
            char? op = text.Length > 0 && text[0] is '@' or '$' ? text[0] : null;
            var rest = op is null ? text : text[1..];
            var colon = rest.IndexOf(':', StringComparison.Ordinal);
            var format = colon >= 0 ? rest[(colon + 1)..] : null;
            var head = colon >= 0 ? rest[..colon] : rest;
            var comma = head.IndexOf(',', StringComparison.Ordinal);
            var name = comma >= 0 ? head[..comma] : head;
            int? alignment = null;
            if (comma >= 0)
            {
                if (!int.TryParse(head[(comma + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
                {
                    return null;
                }

                alignment = parsed;
            }

            return name.Length > 0 && name.All(character => char.IsAsciiLetterOrDigit(character) || character == '_')
                ? new Hole(name, op, alignment, string.IsNullOrEmpty(format) ? null : format)
                : null;
        }
    }
}
