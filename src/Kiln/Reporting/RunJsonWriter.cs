using System.Text;
using System.Text.Json;
using Kiln.Testing;

namespace Kiln.Reporting;

/// <summary>
/// Writes a run record as the generated serializer (<see cref="RunJsonContext"/>) writes it, property for property:
/// camelCase, statuses by name, absent values left out. The generated metadata is generic over each value type a
/// record holds, which ReadyToRun cannot compile ahead of time, so writing through it compiled about 260 methods just
/// in time at the end of every run (34 ms of a one-target run). Reading (the report, the tests) still goes through the
/// generated serializer; a unit test holds this writer to its output.
/// </summary>
internal static class RunJsonWriter
{
    public static string Write(RunRecord record, bool indented)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
        {
            WriteRun(writer, record);
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    private static void WriteRun(Utf8JsonWriter writer, RunRecord record)
    {
        writer.WriteStartObject();
        writer.WriteNumber("schemaVersion", record.SchemaVersion);
        writer.WriteString("startedAt", record.StartedAt);
        writer.WriteNumber("durationSeconds", record.DurationSeconds);
        writer.WriteNumber("exitCode", record.ExitCode);
        writer.WriteBoolean("interrupted", record.Interrupted);
        writer.WriteStartArray("invokedTargets");
        foreach (var target in record.InvokedTargets)
        {
            writer.WriteStringValue(target);
        }

        writer.WriteEndArray();
        WriteIfSet(writer, "host", record.Host);
        WriteIfSet(writer, "operatingSystem", record.OperatingSystem);
        WriteIfSet(writer, "commit", record.Commit);
        WriteIfSet(writer, "version", record.Version);
        WriteIfSet(writer, "tests", record.Tests);
        WriteIfSet(writer, "coverage", record.Coverage);
        writer.WriteStartArray("targets");
        foreach (var target in record.Targets)
        {
            WriteTarget(writer, target);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("planEdges");
        foreach (var edge in record.PlanEdges)
        {
            writer.WriteStartObject();
            writer.WriteString("from", edge.From);
            writer.WriteString("to", edge.To);
            writer.WriteString("kind", edge.Kind);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteNumber("testDurationSeconds", record.TestDurationSeconds);
        writer.WriteEndObject();
    }

    private static void WriteTarget(Utf8JsonWriter writer, TargetRecord target)
    {
        writer.WriteStartObject();
        writer.WriteString("name", target.Name);
        writer.WriteString("status", target.Status.ToString());
        writer.WriteNumber("durationSeconds", target.DurationSeconds);
        writer.WriteBoolean("invoked", target.Invoked);
        WriteIfSet(writer, "note", target.Note);
        WriteIfSet(writer, "tests", target.Tests);
        WriteIfSet(writer, "coverage", target.Coverage);
        writer.WriteEndObject();
    }

    private static void WriteIfSet(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteIfSet(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }

    private static void WriteIfSet(Utf8JsonWriter writer, string name, TestCounts? counts)
    {
        if (counts is not null)
        {
            writer.WriteStartObject(name);
            writer.WriteNumber("passed", counts.Passed);
            writer.WriteNumber("failed", counts.Failed);
            writer.WriteNumber("skipped", counts.Skipped);
            writer.WriteEndObject();
        }
    }
}
