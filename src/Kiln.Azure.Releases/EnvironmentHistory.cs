using System.Globalization;
using Azure;
using Kiln.Azure.Models;

namespace Kiln.Azure.Releases;

/// <summary>
/// Each environment's history: one blob per move of its pointer (<c>environments/&lt;env&gt;/history/&lt;utc&gt;-&lt;version&gt;.json</c>),
/// created once and never rewritten.
/// </summary>
internal sealed class EnvironmentHistory(ReleaseLayout layout, ReleaseStoreOptions options)
{
    /// <summary>A history entry's name: its UTC time to the tick, then the version, so names sort by time and never collide.</summary>
    public static string EntryName(DateTimeOffset time, string version) =>
        string.Create(CultureInfo.InvariantCulture, $"{time.UtcDateTime:yyyyMMdd'T'HHmmssfffffff'Z'}-{version}.json");

    /// <summary>The environment's moves, oldest first.</summary>
    /// <exception cref="ReleaseStoreException">An entry is not readable.</exception>
    public async Task<IReadOnlyList<EnvironmentPointer>> ReadAsync(string environment, CancellationToken cancellationToken)
    {
        var entries = new List<(string Name, EnvironmentPointer Entry)>();
        await foreach (var item in layout.Container.GetBlobsAsync(prefix: layout.HistoryFolder(environment), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var content = await layout.Container.GetBlobClient(item.Name).DownloadContentAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            entries.Add((item.Name, EnvironmentPointer.Parse(content.Value.Content.ToMemory().Span, item.Name)));
        }

        return [.. entries.OrderBy(entry => entry.Name, StringComparer.Ordinal).Select(entry => entry.Entry)];
    }

    /// <summary>
    /// Adds the move to the environment's history (create-only). An entry already there with the same content is this
    /// move's (a retried write whose answer was lost, or a rerun after the history write was cut off).
    /// </summary>
    public async Task RecordAsync(string environment, EnvironmentPointer move, bool repair, CancellationToken cancellationToken)
    {
        var entry = layout.Container.GetBlobClient(layout.HistoryFolder(environment) + EntryName(move.Time, move.Version));
        try
        {
            await entry.UploadAsync(
                BinaryData.FromBytes(move.ToJson()),
                new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" }, Conditions = ReleaseLayout.CreateOnly },
                cancellationToken).ConfigureAwait(false);
            if (repair)
            {
                options.Log?.Invoke($"The history of '{environment}' lacked the move to {move.Version} (an earlier run stopped after moving the pointer): added {entry.Name}.");
            }
        }
        catch (RequestFailedException exception) when (exception.Status is 409 or 412)
        {
            var stored = await entry.DownloadContentAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            if (EnvironmentPointer.Parse(stored.Value.Content.ToMemory().Span, entry.Name) != move)
            {
                throw new ReleaseStoreException($"'{environment}' now runs {move.Version}, but its history entry {entry.Name} already exists with other content, so this move is not recorded: look at the history, then record the move by hand.", exception);
            }
        }
    }
}
