using System.Text;
using System.Text.Json;

namespace Kiln.Reporting;

/// <summary>
/// .nuke/temp/history.jsonl: one run record per line, oldest first, bounded to the last <see cref="Limit"/> runs. An
/// append rewrites the file through a temporary file and a rename, under a lock file, so that a reader never sees half
/// a trim and two builds finishing together both land.
/// </summary>
internal sealed class RunHistory(string path, int limit = RunHistory.DefaultLimit)
{
    public const int DefaultLimit = 200;

    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(10);

    public string Path { get; } = path;

    public int Limit { get; } = limit > 0 ? limit : throw new ArgumentOutOfRangeException(nameof(limit), limit, "The history keeps at least one run.");

    /// <summary>The history of the build at <paramref name="root"/>.</summary>
    public static RunHistory For(AbsolutePath root) => new(root / ".nuke" / "temp" / "history.jsonl");

    /// <summary>Appends a record and drops the oldest lines beyond the limit.</summary>
    public async Task AppendAsync(RunRecord record, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        await using var held = await AcquireLockAsync(cancellationToken).ConfigureAwait(false);
        var lines = File.Exists(Path)
            ? (await File.ReadAllLinesAsync(Path, cancellationToken).ConfigureAwait(false)).Where(line => line.Length > 0).ToList()
            : [];
        lines.Add(RunJson.ToLine(record));
        var kept = lines.Skip(Math.Max(0, lines.Count - Limit));

        var temporary = $"{Path}.{Environment.ProcessId}.tmp";
        await File.WriteAllLinesAsync(temporary, kept, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken).ConfigureAwait(false);
        File.Move(temporary, Path, overwrite: true);
    }

    /// <summary>The readable records, oldest first; a line that is not a record is reported through <paramref name="warn"/> and skipped.</summary>
    public async Task<IReadOnlyList<RunRecord>> ReadAsync(Action<string> warn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(warn);
        if (!File.Exists(Path))
        {
            return [];
        }

        var records = new List<RunRecord>();
        var number = 0;
        foreach (var line in await File.ReadAllLinesAsync(Path, cancellationToken).ConfigureAwait(false))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                records.Add(RunJson.Parse(line));
            }
            catch (JsonException exception)
            {
                warn($"{Path} line {number} is not a run record ({exception.Message.Split('.')[0]}): skipped.");
            }
        }

        return records;
    }

    private async Task<FileStream> AcquireLockAsync(CancellationToken cancellationToken)
    {
        var lockFile = Path + ".lock";
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (waited.Elapsed < LockTimeout)
            {
                await Task.Delay(50, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
