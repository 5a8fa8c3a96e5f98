using System.Text;
using System.Text.Json;

namespace Kiln.Parameters;

/// <summary>
/// One .nuke/parameters*.json file: a flat object of parameter names to strings, numbers, booleans or
/// arrays of them. Each entry keeps its line, so errors can name the file, the line and the key.
/// </summary>
internal sealed class ParametersFile
{
    private ParametersFile(string path, string displayPath, IReadOnlyList<Entry> entries) =>
        (Path, DisplayPath, Entries) = (path, displayPath, entries);

    public string Path { get; }

    /// <summary>The path relative to the root, as messages show it.</summary>
    public string DisplayPath { get; }

    public IReadOnlyList<Entry> Entries { get; }

    public static ParametersFile Read(string path, string displayPath) => Parse(File.ReadAllBytes(path), path, displayPath);

    public static ParametersFile Parse(byte[] json, string path, string displayPath)
    {
        var lineStarts = LineStarts(json);
        var entries = new List<Entry>();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw Broken(displayPath, 1, "the file must hold one JSON object, like { \"Configuration\": \"Release\" }");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = reader.GetString()!;
                var line = LineOf(lineStarts, reader.TokenStartIndex);
                reader.Read();
                var values = ReadValues(ref reader, displayPath, key, line);
                if (values is not null && !key.StartsWith('$'))
                {
                    entries.Add(new Entry(key, values, line));
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                throw Broken(displayPath, LineOf(lineStarts, reader.TokenStartIndex), "unexpected content after the object");
            }
        }
        catch (JsonException exception)
        {
            var line = (int)(exception.LineNumber ?? 0) + 1;
            var message = exception.Message;
            var detail = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            throw Broken(displayPath, line, (detail > 0 ? message[..detail] : message).TrimEnd('.'));
        }

        return new ParametersFile(path, displayPath, entries);
    }

    private static List<string>? ReadValues(ref Utf8JsonReader reader, string displayPath, string key, int line)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.StartArray:
                var values = new List<string>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    values.Add(Scalar(ref reader) ?? throw Broken(displayPath, line, $"'{key}' holds an array with an object, an array or null; use strings, numbers or booleans"));
                }

                return values;
            default:
                return [Scalar(ref reader) ?? throw Broken(displayPath, line, $"'{key}' must be a string, number, boolean or array, not an object")];
        }
    }

    private static string? Scalar(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => null,
    };

    private static KilnException Broken(string displayPath, int line, string problem) =>
        new($"{displayPath}({line}): {problem}. Fix the file, or delete the entry.");

    // Positions as int, not long: a list of long is compiled just in time on every start, one of int is precompiled.
    private static List<int> LineStarts(byte[] json)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < json.Length; i++)
        {
            if (json[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    private static int LineOf(List<int> lineStarts, long offset)
    {
        var index = lineStarts.BinarySearch((int)offset);
        return (index >= 0 ? index : ~index - 1) + 1;
    }

    /// <summary>A key, its values as text, and the line it is on.</summary>
    internal sealed record Entry(string Key, IReadOnlyList<string> Values, int Line);
}
