using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Kiln.Definition;
using Microsoft.Extensions.FileSystemGlobbing;

namespace Kiln.Execution;

/// <summary>
/// What each target that names its inputs and outputs looked like at its last success: a fingerprint of its input
/// files' contents and of the build's parameter values, kept in .nuke/temp/up-to-date/&lt;Target&gt;.json. A target whose
/// fingerprint is unchanged and whose outputs all exist is up to date and does not run again, unless forced.
/// </summary>
/// <param name="root">The repository root the patterns are relative to.</param>
/// <param name="parameterFingerprint">
/// A hash of every parameter's value (<see cref="FingerprintParameters"/>), computed when a target first needs it: reading
/// every parameter again costs a run whose targets name no inputs a reflection stub per parameter for nothing.
/// </param>
/// <param name="forced">Targets to run whatever their record says; empty for every target, null for none.</param>
internal sealed class UpToDateRecords(AbsolutePath root, Lazy<string> parameterFingerprint, IReadOnlyCollection<string>? forced)
{
    private AbsolutePath Folder => root / ".nuke" / "temp" / "up-to-date";

    /// <summary>A hash of the parameters' values: a change to any of them makes every target run again. Secrets count too, hashed.</summary>
    public static string FingerprintParameters(IEnumerable<(string Name, string? Value)> parameters) =>
        Hash(string.Concat(parameters.OrderBy(parameter => parameter.Name, StringComparer.Ordinal).Select(parameter => $"{parameter.Name}={parameter.Value}\n")));

    /// <summary>Whether the target is up to date; the fingerprint to record after it succeeds, and the note to show if it is.</summary>
    public (bool IsUpToDate, string Fingerprint, string? Note) Check(string name, TargetDefinition definition)
    {
        var fingerprint = Fingerprint(definition);
        if (forced is not null && (forced.Count == 0 || forced.Contains(name, StringComparer.OrdinalIgnoreCase)))
        {
            return (false, fingerprint, null);
        }

        var record = Read(name);
        if (record is null || record.Value.Fingerprint != fingerprint)
        {
            return (false, fingerprint, null);
        }

        var missing = definition.OutputPatterns.FirstOrDefault(pattern => !Matches(pattern).Any());
        return missing is null
            ? (true, fingerprint, $"up to date: inputs unchanged since {record.Value.Time.ToUniversalTime():yyyy-MM-dd HH:mm} UTC")
            : (false, fingerprint, null);
    }

    /// <summary>Records the target's fingerprint after its success.</summary>
    public void Record(string name, string fingerprint)
    {
        Directory.CreateDirectory(Folder);
        // Utf8JsonWriter, not JsonSerializer: serializing by reflection costs its first use in every run a warm-up.
        using var file = File.Create(Folder / $"{name}.json");
        using var writer = new Utf8JsonWriter(file);
        writer.WriteStartObject();
        writer.WriteString("fingerprint", fingerprint);
        writer.WriteString("time", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        writer.WriteEndObject();
    }

    /// <summary>Forgets the target's record (it failed, so the next run must run it).</summary>
    public void Forget(string name)
    {
        if (File.Exists(Folder / $"{name}.json"))
        {
            File.Delete(Folder / $"{name}.json");
        }
    }

    /// <summary>The hash of the input patterns, each matched file's path and content, and the parameters.</summary>
    internal string Fingerprint(TargetDefinition definition)
    {
        var matcher = GlobPatterns.Matcher(definition.InputPatterns);
        var files = matcher.GetResultsInFullPath(root).Select(path => Path.GetRelativePath(root, path).Replace('\\', '/')).Order(StringComparer.Ordinal);
        var text = new StringBuilder();
        text.Append(parameterFingerprint.Value).Append('\n');
        text.AppendJoin('\n', definition.InputPatterns).Append('\n');
        foreach (var file in files)
        {
            using var stream = File.OpenRead(root / file);
            text.Append(file).Append('\0').Append(Convert.ToHexString(SHA256.HashData(stream))).Append('\n');
        }

        return Hash(text.ToString());
    }

    private IEnumerable<string> Matches(string pattern) => GlobPatterns.Matcher([pattern]).GetResultsInFullPath(root);

    private (string Fingerprint, DateTimeOffset Time)? Read(string name)
    {
        var file = Folder / $"{name}.json";
        if (!File.Exists(file))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            return (
                document.RootElement.GetProperty("fingerprint").GetString() ?? "",
                DateTimeOffset.Parse(document.RootElement.GetProperty("time").GetString() ?? "", CultureInfo.InvariantCulture));
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or FormatException or InvalidOperationException)
        {
            // A damaged record only means the target runs again.
            return null;
        }
    }

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
