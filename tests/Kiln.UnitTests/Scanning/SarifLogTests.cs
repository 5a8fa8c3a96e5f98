using System.Text.Json;
using Kiln.Scanning;

namespace Kiln.UnitTests.Scanning;

public sealed class SarifLogTests
{
    private static readonly ScanReport Report = new(
        [
            ScanResult.Found(ScanCategory.Style, [new ScanFinding(ScanCategory.Style, "IDE0055", "Fix formatting", "src/My App/A.cs", 3, 5)]),
            ScanResult.NotChecked(ScanCategory.Vulnerabilities, "no package source serves vulnerability data"),
            ScanResult.Found(ScanCategory.Licenses, [new ScanFinding(ScanCategory.Licenses, "license-not-allowed", "Foo 1.0 is GPL-3.0-only")]),
            ScanResult.Found(ScanCategory.Secrets, [new ScanFinding(ScanCategory.Secrets, "github-token", "GitHub token ghp_… (40 characters)", "build/B.cs", 7, 12)]),
        ],
        [ScanCategory.Licenses]);

    private static JsonElement Run => JsonDocument.Parse(SarifLog.ToJson(Report)).RootElement.GetProperty("runs")[0];

    [Fact]
    public void The_log_is_SARIF_2_1_0_with_one_run_of_Kiln_Scan()
    {
        var log = JsonDocument.Parse(SarifLog.ToJson(Report)).RootElement;

        Assert.Equal("2.1.0", log.GetProperty("version").GetString());
        Assert.Equal(SarifLog.SchemaUri, log.GetProperty("$schema").GetString());
        Assert.Equal(1, log.GetProperty("runs").GetArrayLength());
        Assert.Equal("Kiln Scan", Run.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString());
        Assert.Equal("kiln-scan/", Run.GetProperty("automationDetails").GetProperty("id").GetString());
    }

    [Fact]
    public void Each_finding_is_a_result_at_its_file_line_and_column_relative_to_the_source_root()
    {
        var result = Run.GetProperty("results")[0];
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");

        Assert.Equal("IDE0055", result.GetProperty("ruleId").GetString());
        Assert.Equal("Fix formatting", result.GetProperty("message").GetProperty("text").GetString());
        Assert.Equal("src/My%20App/A.cs", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("%SRCROOT%", location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        Assert.Equal(3, location.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(5, location.GetProperty("region").GetProperty("startColumn").GetInt32());
    }

    [Fact]
    public void A_finding_without_a_file_is_a_result_without_a_location()
    {
        var result = Run.GetProperty("results")[1];

        Assert.Equal("license-not-allowed", result.GetProperty("ruleId").GetString());
        Assert.False(result.TryGetProperty("locations", out _));
    }

    [Fact]
    public void Findings_of_warn_only_categories_are_warnings_and_the_others_errors()
    {
        var levels = Run.GetProperty("results").EnumerateArray().Select(result => result.GetProperty("level").GetString()).ToList();

        Assert.Equal(["error", "warning", "error"], levels);
    }

    [Fact]
    public void Each_rule_is_described_once_with_its_category_as_a_tag_and_results_point_at_it()
    {
        var rules = Run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        var results = Run.GetProperty("results").EnumerateArray().ToList();

        Assert.Equal(["IDE0055", "license-not-allowed", "github-token"], rules.Select(rule => rule.GetProperty("id").GetString()));
        Assert.Equal(["style"], rules[0].GetProperty("properties").GetProperty("tags").EnumerateArray().Select(tag => tag.GetString()));
        Assert.Equal(["secrets", "security"], rules[2].GetProperty("properties").GetProperty("tags").EnumerateArray().Select(tag => tag.GetString()));
        Assert.Equal("https://learn.microsoft.com/dotnet/fundamentals/code-analysis/style-rules/ide0055", rules[0].GetProperty("helpUri").GetString());
        Assert.All(results, result => Assert.Equal(
            result.GetProperty("ruleId").GetString(),
            rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString()));
    }

    [Fact]
    public void A_check_that_did_not_run_is_a_warning_notification_saying_not_checked_and_why()
    {
        var notification = Run.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications")[0];

        Assert.Equal("warning", notification.GetProperty("level").GetString());
        Assert.Equal("vulnerabilities: not checked: no package source serves vulnerability data", notification.GetProperty("message").GetProperty("text").GetString());
    }

    [Fact]
    public void The_same_report_gives_the_same_text()
    {
        Assert.Equal(SarifLog.ToJson(Report), SarifLog.ToJson(Report));
    }

    [Fact]
    public async Task WriteAsync_creates_the_folder_and_writes_the_log()
    {
        var folder = Path.Combine(Path.GetTempPath(), "kiln-sarif-" + Guid.NewGuid().ToString("N"));
        try
        {
            var path = Path.Combine(folder, "scan", "kiln.sarif");

            await SarifLog.WriteAsync(Report, path);

            Assert.Equal(SarifLog.ToJson(Report), await File.ReadAllTextAsync(path));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
