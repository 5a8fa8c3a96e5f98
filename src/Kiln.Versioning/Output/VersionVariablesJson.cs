using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Kiln.Versioning.Output;

/// <summary>
/// Writes the variables in the shape of GitVersion's <c>/output json</c>: one object, its order, indented by two
/// spaces; numbers as numbers, null as null, the rest as strings. A <c>+</c> stays a <c>+</c> (not <c>\u002B</c>),
/// so the text reads as GitVersion's does.
/// </summary>
internal static class VersionVariablesJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        IndentSize = 2,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(VersionVariables variables)
    {
        using var stream = new MemoryStream();
        Write(variables, stream);
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    public static void Write(VersionVariables variables, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(variables);
        using var writer = new Utf8JsonWriter(stream, Options);
        writer.WriteStartObject();
        foreach (var (name, value) in variables.Variables)
        {
            switch (value)
            {
                case null:
                    writer.WriteNull(name);
                    break;
                case long number:
                    writer.WriteNumber(name, number);
                    break;
                case int number:
                    writer.WriteNumber(name, number);
                    break;
                default:
                    writer.WriteString(name, VersionVariables.FormatValue(value));
                    break;
            }
        }

        writer.WriteEndObject();
        writer.Flush();
    }
}
