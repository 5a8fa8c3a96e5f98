using System.Text.Json;

namespace Kiln.Scanning;

/// <summary>
/// The analyzer check: the diagnostics the compiler reported when it last compiled each project, read from the SARIF
/// log it writes beside the project's intermediate files (<c>obj/**/kiln-compiler.sarif</c>, from MSBuild's ErrorLog
/// property; this repository sets it in Directory.Build.targets, docs/scanning.md shows how), so Scan needs no second
/// build. Warnings and errors count; suppressed ones (pragma, SuppressMessage) and notes do not.
/// </summary>
public static class AnalyzerCheck
{
    /// <summary>The name of the compiler's log in a project's intermediate folder.</summary>
    public const string LogFileName = "kiln-compiler.sarif";

    /// <summary>Reads the newest compiler log of each project and returns their diagnostics.</summary>
    /// <param name="projects">The project files the solution builds.</param>
    /// <param name="root">The repository root findings are relative to.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    public static async Task<ScanResult> RunAsync(IEnumerable<AbsolutePath> projects, AbsolutePath root, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(projects);
        ArgumentNullException.ThrowIfNull(root);
        var logs = projects.Select(project => (Project: project, Log: NewestLog(project))).ToList();
        if (logs.FirstOrDefault(entry => entry.Log is null) is { Project: { } unlogged })
        {
            return ScanResult.NotChecked(
                ScanCategory.Analyzers,
                $"{unlogged.RelativeTo(root)} has no compiler log ({LogFileName} under its obj folder): set ErrorLog as docs/scanning.md shows, then compile");
        }

        var findings = new List<ScanFinding>();
        foreach (var (_, log) in logs)
        {
            await using var stream = File.OpenRead(log!);
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            findings.AddRange(FromCompilerLog(document, root));
        }

        var distinct = findings.Distinct().OrderBy(finding => finding.File, StringComparer.Ordinal).ThenBy(finding => finding.Line).ThenBy(finding => finding.RuleId, StringComparer.Ordinal).ToList();
        return ScanResult.Found(ScanCategory.Analyzers, distinct, $"{logs.Count} project(s)");
    }

    /// <summary>The log of the project's latest compile, whatever its configuration and target framework.</summary>
    private static string? NewestLog(AbsolutePath project)
    {
        var intermediate = Path.Combine(Path.GetDirectoryName(project)!, "obj");
        return Directory.Exists(intermediate)
            ? Directory.EnumerateFiles(intermediate, LogFileName, SearchOption.AllDirectories).MaxBy(File.GetLastWriteTimeUtc)
            : null;
    }

    /// <summary>The unsuppressed warnings and errors of one compiler SARIF 2.1 log.</summary>
    internal static IEnumerable<ScanFinding> FromCompilerLog(JsonDocument log, string root)
    {
        foreach (var run in log.RootElement.GetProperty("runs").EnumerateArray())
        {
            if (!run.TryGetProperty("results", out var results))
            {
                continue;
            }

            foreach (var result in results.EnumerateArray())
            {
                var level = result.TryGetProperty("level", out var value) ? value.GetString() : "warning";
                var suppressed = result.TryGetProperty("suppressions", out var suppressions) && suppressions.GetArrayLength() > 0;
                if (suppressed || level is not ("warning" or "error"))
                {
                    continue;
                }

                var (file, line, column) = Location(result, root);
                yield return new ScanFinding(
                    ScanCategory.Analyzers,
                    result.GetProperty("ruleId").GetString() ?? "",
                    result.GetProperty("message").GetProperty("text").GetString() ?? "",
                    file,
                    line,
                    column);
            }
        }
    }

    private static (string? File, int? Line, int? Column) Location(JsonElement result, string root)
    {
        if (!result.TryGetProperty("locations", out var locations) || locations.GetArrayLength() == 0
            || !locations[0].TryGetProperty("physicalLocation", out var physical))
        {
            return (null, null, null);
        }

        var uri = physical.GetProperty("artifactLocation").GetProperty("uri").GetString() ?? "";
        var path = Uri.TryCreate(uri, UriKind.Absolute, out var absolute) && absolute.IsFile ? absolute.LocalPath : Uri.UnescapeDataString(uri);
        var region = physical.TryGetProperty("region", out var found) ? found : default;
        return (
            StyleCheck.Relative(path, root),
            region.ValueKind == JsonValueKind.Object && region.TryGetProperty("startLine", out var line) ? line.GetInt32() : null,
            region.ValueKind == JsonValueKind.Object && region.TryGetProperty("startColumn", out var column) ? column.GetInt32() : null);
    }
}
