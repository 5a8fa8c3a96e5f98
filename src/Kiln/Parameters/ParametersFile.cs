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
        var reader = new FlatJsonReader(json);
        var entries = new List<Entry>();
        try
        {
            if (reader.Peek() != JsonToken.StartObject)
            {
                throw Broken(displayPath, 1, "the file must hold one JSON object, like { \"Configuration\": \"Release\" }");
            }

            reader.Expect(JsonToken.StartObject, "'{'");
            while (!reader.Accept(JsonToken.EndObject))
            {
                var line = reader.Line;
                var key = reader.ReadString();
                reader.Expect(JsonToken.Colon, $"':' after \"{key}\"");
                var values = ReadValues(reader, displayPath, key, line);
                if (values is not null && !key.StartsWith('$'))
                {
                    entries.Add(new Entry(key, values, line));
                }

                if (!reader.Accept(JsonToken.Comma))
                {
                    reader.Expect(JsonToken.EndObject, "',' or '}'");
                    break;
                }
            }

            if (reader.Peek() != JsonToken.End)
            {
                throw Broken(displayPath, reader.Line, "unexpected content after the object");
            }
        }
        catch (FormatException exception)
        {
            throw Broken(displayPath, exception.Data["Line"] as int? ?? 1, exception.Message);
        }

        return new ParametersFile(path, displayPath, entries);
    }

    private static List<string>? ReadValues(FlatJsonReader reader, string displayPath, string key, int line)
    {
        switch (reader.Peek())
        {
            case JsonToken.StartArray:
                reader.Expect(JsonToken.StartArray, "'['");
                var values = new List<string>();
                while (!reader.Accept(JsonToken.EndArray))
                {
                    values.Add(Scalar(reader) ?? throw Broken(displayPath, line, $"'{key}' holds an array with an object, an array or null; use strings, numbers or booleans"));
                    if (!reader.Accept(JsonToken.Comma))
                    {
                        reader.Expect(JsonToken.EndArray, "',' or ']'");
                        break;
                    }
                }

                return values;
            case JsonToken.StartObject:
                throw Broken(displayPath, line, $"'{key}' must be a string, number, boolean or array, not an object");
            case JsonToken.String:
                return [reader.ReadString()];
            default:
                return reader.ReadLiteral() is { } literal ? [literal] : null;
        }
    }

    /// <summary>A string, number or boolean as text; null (after moving past it) for null, an object or an array.</summary>
    private static string? Scalar(FlatJsonReader reader)
    {
        switch (reader.Peek())
        {
            case JsonToken.String:
                return reader.ReadString();
            case JsonToken.StartObject or JsonToken.StartArray:
                reader.SkipValue();
                return null;
            default:
                return reader.ReadLiteral();
        }
    }

    private static KilnException Broken(string displayPath, int line, string problem) =>
        new($"{displayPath}({line}): {problem}. Fix the file, or delete the entry.");

    /// <summary>A key, its values as text, and the line it is on.</summary>
    internal sealed record Entry(string Key, IReadOnlyList<string> Values, int Line);
}
