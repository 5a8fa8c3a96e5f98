using System.Text.Json;

namespace Kiln.Reporting;

/// <summary>The JSON form of a run record: camelCase, statuses by name, absent values left out.</summary>
internal static class RunJson
{
    /// <summary>run.json: indented, for people.</summary>
    public static string ToDocument(RunRecord record) => RunJsonWriter.Write(record, indented: true);

    /// <summary>A line of history.jsonl: the same JSON on one line.</summary>
    public static string ToLine(RunRecord record) => RunJsonWriter.Write(record, indented: false);

    /// <summary>Reads one record; a line that is not one (or of a later schema) throws <see cref="JsonException"/>.</summary>
    public static RunRecord Parse(string json)
    {
        var record = JsonSerializer.Deserialize(json, RunJsonContext.Default.RunRecord) ?? throw new JsonException("the line is null");
        return record.SchemaVersion is >= 1 and <= RunRecord.CurrentSchemaVersion
            ? record
            : throw new JsonException($"schema version {record.SchemaVersion} is not one this Kiln reads (up to {RunRecord.CurrentSchemaVersion})");
    }
}
