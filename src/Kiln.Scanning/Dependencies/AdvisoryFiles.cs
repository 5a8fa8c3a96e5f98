using System.Text.Json;
using NuGet.Versioning;

namespace Kiln.Scanning.Dependencies;

/// <summary>
/// Reads advisories in the GitHub advisory database's JSON format (OSV): a file holding one advisory or an array of
/// them, or a folder of such files (searched recursively for *.json, as a checkout of github/advisory-database is).
/// Withdrawn advisories and other ecosystems' entries are left out.
/// </summary>
internal static class AdvisoryFiles
{
    /// <summary>The NuGet advisories in the paths, and the files they were read from (full paths, sorted).</summary>
    /// <exception cref="KilnException">A path does not exist, or a file is not an advisory in that format.</exception>
    public static (IReadOnlyList<Advisory> Advisories, IReadOnlyList<string> Files) Load(IEnumerable<string> paths)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in paths.Select(Path.GetFullPath))
        {
            if (Directory.Exists(path))
            {
                files.UnionWith(Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new KilnException($"The advisory path {path} does not exist: pass a GitHub advisory JSON file, or a folder of them.");
            }
        }

        var advisories = files.SelectMany(Read).ToList();
        return (advisories, files.ToList());
    }

    /// <summary>The NuGet advisories in one file.</summary>
    internal static IReadOnlyList<Advisory> Read(string file)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var root = document.RootElement;
            var elements = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList() : [root];
            return elements.Select(element => Parse(element, file)).OfType<Advisory>().ToList();
        }
        catch (JsonException exception)
        {
            throw new KilnException($"{file} is not valid JSON ({exception.Message}): an advisory file holds one GitHub advisory (OSV JSON) or an array of them.", exception);
        }
    }

    private static Advisory? Parse(JsonElement element, string file)
    {
        if (element.ValueKind != JsonValueKind.Object || Text(element, "id") is not { Length: > 0 } id)
        {
            throw new KilnException($"{file} holds something that is not an advisory (an object with an \"id\", such as GHSA-5crp-9r3c-p9vr): an advisory file holds one GitHub advisory (OSV JSON) or an array of them.");
        }

        if (Text(element, "withdrawn") is { Length: > 0 })
        {
            return null;
        }

        var affected = Array(element, "affected")
            .Where(entry => entry.TryGetProperty("package", out var package)
                && string.Equals(Text(package, "ecosystem"), "NuGet", StringComparison.OrdinalIgnoreCase)
                && Text(package, "name") is { Length: > 0 })
            .Select(entry => new AffectedPackage(
                Text(entry.GetProperty("package"), "name")!,
                Array(entry, "ranges")
                    .Where(range => Text(range, "type") is "ECOSYSTEM" or "SEMVER")
                    .Select(range => (IReadOnlyList<RangeEvent>)Array(range, "events").SelectMany(rangeEvent => Events(rangeEvent, id, file)).ToList())
                    .ToList(),
                Array(entry, "versions").Select(version => Version(version.GetString(), id, file)).ToList()))
            .ToList();
        if (affected.Count == 0)
        {
            return null;
        }

        var severity = element.TryGetProperty("database_specific", out var specific) && Text(specific, "severity") is { Length: > 0 } stated
            ? stated.ToLowerInvariant()
            : "unknown";
        return new Advisory(
            id,
            Array(element, "aliases").Select(alias => alias.GetString()).OfType<string>().ToList(),
            Text(element, "summary")?.Trim() ?? "",
            severity,
            affected);
    }

    private static IEnumerable<RangeEvent> Events(JsonElement rangeEvent, string id, string file)
    {
        if (Text(rangeEvent, "introduced") is { } introduced)
        {
            yield return new RangeEvent(RangeEventKind.Introduced, Version(introduced, id, file));
        }

        if (Text(rangeEvent, "fixed") is { } fixedVersion)
        {
            yield return new RangeEvent(RangeEventKind.Fixed, Version(fixedVersion, id, file));
        }

        if (Text(rangeEvent, "last_affected") is { } lastAffected)
        {
            yield return new RangeEvent(RangeEventKind.LastAffected, Version(lastAffected, id, file));
        }
    }

    private static NuGetVersion Version(string? text, string id, string file) =>
        text == "0" ? new NuGetVersion(0, 0, 0)
        : NuGetVersion.TryParse(text, out var version) ? version
        : throw new KilnException($"{file}: advisory {id} names version '{text}', which is not a NuGet version: correct the advisory file.");

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<JsonElement> Array(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(item => item.ValueKind is JsonValueKind.Object or JsonValueKind.String).ToList()
            : [];
}
