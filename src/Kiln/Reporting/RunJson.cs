using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kiln.Reporting;

/// <summary>The JSON form of a run record: camelCase, statuses by name, absent values left out.</summary>
internal static class RunJson
{
    private static readonly JsonSerializerOptions Indented = Create(indented: true);

    private static readonly JsonSerializerOptions Compact = Create(indented: false);

    /// <summary>run.json: indented, for people.</summary>
    public static string ToDocument(RunRecord record) => JsonSerializer.Serialize(record, Indented);

    /// <summary>A line of history.jsonl: the same JSON on one line.</summary>
    public static string ToLine(RunRecord record) => JsonSerializer.Serialize(record, Compact);

    /// <summary>Reads one record; a line that is not one (or of a later schema) throws <see cref="JsonException"/>.</summary>
    public static RunRecord Parse(string json)
    {
        var record = JsonSerializer.Deserialize<RunRecord>(json, Compact) ?? throw new JsonException("the line is null");
        return record.SchemaVersion is >= 1 and <= RunRecord.CurrentSchemaVersion
            ? record
            : throw new JsonException($"schema version {record.SchemaVersion} is not one this Kiln reads (up to {RunRecord.CurrentSchemaVersion})");
    }

    private static JsonSerializerOptions Create(bool indented) => new(JsonSerializerDefaults.Web)
    {
        WriteIndented = indented,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };
}
