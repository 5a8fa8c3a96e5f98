using Kiln.Hosts;

namespace Kiln.Reporting;

/// <summary>
/// Writes a finished run's record to artifacts/run.json and appends it to the history. Recording is a side job: a
/// failure to write is a warning, never a failed build.
/// </summary>
internal static class RunRecordWriter
{
    /// <summary>artifacts/run.json under the root.</summary>
    public static AbsolutePath RunFile(AbsolutePath root) => root / "artifacts" / "run.json";

    public static async Task WriteAsync(AbsolutePath root, RunRecord record, OutputHost host, int historyLimit = RunHistory.DefaultLimit)
    {
        try
        {
            var file = RunFile(root);
            Directory.CreateDirectory(file.Parent!);
            var temporary = $"{file}.{Environment.ProcessId}.tmp";
            await File.WriteAllTextAsync(temporary, RunJson.ToDocument(record)).ConfigureAwait(false);
            File.Move(temporary, file, overwrite: true);
            await new RunHistory(RunHistory.For(root).Path, historyLimit).AppendAsync(record).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException or System.Security.SecurityException)
        {
            host.Write(LogLevel.Warning, $"The run was not recorded (artifacts/run.json, .nuke/temp/history.jsonl): {host.Masker.Apply(exception.Message)}");
        }
    }
}
