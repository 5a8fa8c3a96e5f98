using System.Text.Json;

namespace Kiln.Reporting;

/// <summary>The JSON form of a run record: camelCase, statuses by name, absent values left out.</summary>
internal static class RunJson
{
    // Source-generated, so that recording costs every run no reflection warm-up.
    private static readonly JsonSerializerOptions Indented = new(RunJsonContext.Default.Options) { WriteIndented = true };

    /// <summary>run.json: indented, for people.</summary>
    public static string ToDocument(RunRecord record) => JsonSerializer.Serialize(record, Indented);

    /// <summary>A line of history.jsonl: the same JSON on one line.</summary>
    public static string ToLine(RunRecord record) => JsonSerializer.Serialize(record, RunJsonContext.Default.RunRecord);

    /// <summary>Reads one record; a line that is not one (or of a later schema) throws <see cref="JsonException"/>.</summary>
    public static RunRecord Parse(string json)
    {
        var record = JsonSerializer.Deserialize(json, RunJsonContext.Default.RunRecord) ?? throw new JsonException("the line is null");
        return record.SchemaVersion is >= 1 and <= RunRecord.CurrentSchemaVersion
            ? record
            : throw new JsonException($"schema version {record.SchemaVersion} is not one this Kiln reads (up to {RunRecord.CurrentSchemaVersion})");
    }
}
