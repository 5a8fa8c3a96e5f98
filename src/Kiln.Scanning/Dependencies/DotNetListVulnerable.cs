using System.Text.Json;

namespace Kiln.Scanning.Dependencies;

/// <summary>
/// Reads the JSON that <c>dotnet list &lt;solution&gt; package --vulnerable --include-transitive --format json</c>
/// prints: per project and framework, top-level and transitive packages with their vulnerabilities (severity and
/// advisory URL; the GHSA id is the URL's last segment).
/// </summary>
internal static class DotNetListVulnerable
{
    /// <summary>The command that asks the sources' vulnerability data about the solution.</summary>
    public static IReadOnlyList<string> Arguments(string solutionFile) =>
        ["list", solutionFile, "package", "--vulnerable", "--include-transitive", "--format", "json"];

    /// <summary>The matches in the output, one per project, package version and advisory.</summary>
    /// <exception cref="KilnException">The output is not the JSON report.</exception>
    public static IReadOnlyList<VulnerabilityMatch> Parse(string json, string rootDirectory)
    {
        // A restore that dotnet list runs first may print a line or two before the report.
        var start = json.IndexOf('{', StringComparison.Ordinal);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(start < 0 ? json : json[start..]);
        }
        catch (JsonException exception)
        {
            throw new KilnException($"dotnet list package --vulnerable --format json printed something that is not JSON ({exception.Message}): run it by hand to see why.", exception);
        }

        using (document)
        {
            var matches = new List<VulnerabilityMatch>();
            foreach (var project in Items(document.RootElement, "projects"))
            {
                var path = Text(project, "path") ?? "";
                var projectFile = Path.IsPathRooted(path) ? PackageGraph.Relative(rootDirectory, path) : path.Replace('\\', '/');
                foreach (var framework in Items(project, "frameworks"))
                {
                    var packages = Items(framework, "topLevelPackages").Select(package => (Package: package, IsDirect: true))
                        .Concat(Items(framework, "transitivePackages").Select(package => (Package: package, IsDirect: false)));
                    foreach (var (package, isDirect) in packages)
                    {
                        var id = Text(package, "id") ?? "";
                        var version = Text(package, "resolvedVersion") ?? "";
                        foreach (var vulnerability in Items(package, "vulnerabilities"))
                        {
                            var url = Text(vulnerability, "advisoryurl") ?? "";
                            var advisory = url.TrimEnd('/').Split('/')[^1];
                            matches.Add(new VulnerabilityMatch(
                                projectFile,
                                id,
                                version,
                                isDirect,
                                advisory.Length == 0 ? url : advisory,
                                (Text(vulnerability, "severity") ?? "unknown").ToLowerInvariant(),
                                "",
                                null));
                        }
                    }
                }
            }

            return matches.Distinct().ToList();
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<JsonElement> Items(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.Object).ToList()
            : [];
}
