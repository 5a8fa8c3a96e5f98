using System.Text.Json;

namespace Kiln.Azure.Releases;

/// <summary>
/// Which release an environment runs: <c>environments/&lt;env&gt;/current.json</c>. Each move also becomes an entry of
/// the environment's history (one blob per entry, never rewritten), with the same fields.
/// </summary>
/// <param name="Environment">The environment's name.</param>
/// <param name="Version">The release it points at.</param>
/// <param name="Action">What moved it: deploy, promote or rollback.</param>
/// <param name="Time">When it moved (UTC).</param>
/// <param name="Commit">The commit the release was built from, when known.</param>
/// <param name="Run">The CI run (or machine) that moved it, when known.</param>
/// <param name="PreviousVersion">The release it pointed at before; null for the first.</param>
public sealed record EnvironmentPointer(
    string Environment,
    string Version,
    string Action,
    DateTimeOffset Time,
    string? Commit,
    Uri? Run,
    string? PreviousVersion)
{
    /// <summary>The pointer as JSON (UTF-8, indented).</summary>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, ReleaseJson.Default.EnvironmentPointer);

    /// <summary>Reads a pointer or history entry written by <see cref="ToJson"/>.</summary>
    /// <exception cref="ReleaseStoreException">The JSON is not a pointer.</exception>
    public static EnvironmentPointer Parse(ReadOnlySpan<byte> json, string origin)
    {
        try
        {
            var pointer = JsonSerializer.Deserialize(json, ReleaseJson.Default.EnvironmentPointer);
            return pointer is { Environment: not null, Version: not null, Action: not null }
                ? pointer
                : throw new ReleaseStoreException($"{origin} is not an environment pointer (it needs environment, version and action).");
        }
        catch (JsonException exception)
        {
            throw new ReleaseStoreException($"{origin} is not a readable environment pointer: {exception.Message}", exception);
        }
    }
}
