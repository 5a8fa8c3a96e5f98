using System.Reflection;
using System.Text;
using System.Text.Json;

namespace Kiln.Scanning;

/// <summary>
/// Writes a <see cref="ScanReport"/> as one SARIF 2.1.0 log, ready for GitHub code scanning (upload-sarif): one run of
/// the tool "Kiln Scan", a rule per rule id with its category as a tag, a result per finding with its location
/// relative to <c>%SRCROOT%</c>, and a notification for every check that could not run.
/// </summary>
public static class SarifLog
{
    /// <summary>The JSON schema the file names in <c>$schema</c>.</summary>
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    private const string RootBase = "%SRCROOT%";

    /// <summary>Writes the report to <paramref name="path"/> (its folder is created); the same report gives the same bytes.</summary>
    public static async Task WriteAsync(ScanReport report, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrEmpty(path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllBytesAsync(path, ToUtf8(report), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The report as SARIF JSON text.</summary>
    public static string ToJson(ScanReport report) => Encoding.UTF8.GetString(ToUtf8(report));

    private static byte[] ToUtf8(ScanReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rules = report.Findings
            .Select(finding => (finding.Category, finding.RuleId))
            .Distinct()
            .OrderBy(rule => rule.Category)
            .ThenBy(rule => rule.RuleId, StringComparer.Ordinal)
            .ToList();
        var ruleIndex = rules.Select((rule, index) => (rule, index)).ToDictionary(pair => pair.rule, pair => pair.index);

        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();

            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "Kiln Scan");
            json.WriteString("informationUri", "https://github.com/kiln/kiln");
            json.WriteString("semanticVersion", ToolVersion());
            json.WriteStartArray("rules");
            foreach (var (category, ruleId) in rules)
            {
                WriteRule(json, category, ruleId, report.WarnOnly.Contains(category));
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();

            // GitHub code scanning keeps one analysis per category: Kiln's findings replace Kiln's previous ones.
            json.WriteStartObject("automationDetails");
            json.WriteString("id", "kiln-scan/");
            json.WriteEndObject();

            json.WriteStartArray("invocations");
            json.WriteStartObject();
            json.WriteBoolean("executionSuccessful", true);
            json.WriteStartArray("toolExecutionNotifications");
            foreach (var result in report.Results.Where(result => !result.Checked))
            {
                json.WriteStartObject();
                json.WriteString("level", "warning");
                json.WriteStartObject("message");
                json.WriteString("text", $"{ScanResult.Name(result.Category)}: not checked: {result.NotCheckedReason}");
                json.WriteEndObject();
                json.WriteStartObject("descriptor");
                json.WriteString("id", $"{ScanResult.Name(result.Category)}-not-checked");
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();

            json.WriteStartArray("results");
            foreach (var finding in report.Findings)
            {
                WriteResult(json, finding, ruleIndex[(finding.Category, finding.RuleId)], report.IsError(finding));
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static void WriteRule(Utf8JsonWriter json, ScanCategory category, string ruleId, bool warnOnly)
    {
        json.WriteStartObject();
        json.WriteString("id", ruleId);
        json.WriteStartObject("shortDescription");
        json.WriteString("text", $"{category}: {ruleId}");
        json.WriteEndObject();
        if (HelpUri(ruleId) is { } help)
        {
            json.WriteString("helpUri", help);
        }

        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", warnOnly ? "warning" : "error");
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteStartArray("tags");
        json.WriteStringValue(ScanResult.Name(category));
        if (category is ScanCategory.Secrets or ScanCategory.Vulnerabilities)
        {
            json.WriteStringValue("security");
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, ScanFinding finding, int ruleIndex, bool isError)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.RuleId);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", isError ? "error" : "warning");
        json.WriteStartObject("message");
        json.WriteString("text", finding.Message);
        json.WriteEndObject();
        if (finding.File is { } file)
        {
            json.WriteStartArray("locations");
            json.WriteStartObject();
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            json.WriteString("uri", Uri.EscapeDataString(file).Replace("%2F", "/", StringComparison.Ordinal));
            json.WriteString("uriBaseId", RootBase);
            json.WriteEndObject();
            if (finding.Line is { } line)
            {
                json.WriteStartObject("region");
                json.WriteNumber("startLine", line);
                if (finding.Column is { } column)
                {
                    json.WriteNumber("startColumn", column);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteStartObject("properties");
        json.WriteString("category", ScanResult.Name(finding.Category));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>Where a rule is explained: Microsoft's pages for .NET rules, GitHub's for advisories.</summary>
    private static string? HelpUri(string ruleId) =>
        ruleId.StartsWith("IDE", StringComparison.Ordinal) ? $"https://learn.microsoft.com/dotnet/fundamentals/code-analysis/style-rules/{ruleId.ToLowerInvariant()}"
        : ruleId.StartsWith("CA", StringComparison.Ordinal) ? $"https://learn.microsoft.com/dotnet/fundamentals/code-analysis/quality-rules/{ruleId.ToLowerInvariant()}"
        : ruleId.StartsWith("GHSA-", StringComparison.Ordinal) ? $"https://github.com/advisories/{ruleId}"
        : null;

    private static string ToolVersion()
    {
        var version = typeof(SarifLog).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var build = version.IndexOf('+', StringComparison.Ordinal);
        return build < 0 ? version : version[..build];
    }
}
