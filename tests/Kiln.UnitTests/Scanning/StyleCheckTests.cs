using System.Text.Json;
using System.Text.Json.Nodes;
using Kiln.Scanning;

namespace Kiln.UnitTests.Scanning;

public sealed class StyleCheckTests
{
    /// <summary>dotnet format's report of these changes, built without reflection (this project runs with reflection-based JSON off).</summary>
    private static JsonDocument Report(params (string Path, int Line, int Column, string Rule, string Description)[] changes)
    {
        var files = new JsonArray();
        foreach (var file in changes.GroupBy(change => change.Path))
        {
            var fileChanges = new JsonArray();
            foreach (var change in file)
            {
                fileChanges.Add(new JsonObject
                {
                    ["LineNumber"] = change.Line,
                    ["CharNumber"] = change.Column,
                    ["DiagnosticId"] = change.Rule,
                    ["FormatDescription"] = change.Description,
                });
            }

            files.Add(new JsonObject { ["FileName"] = Path.GetFileName(file.Key), ["FilePath"] = file.Key, ["FileChanges"] = fileChanges });
        }

        return JsonDocument.Parse(files.ToJsonString());
    }

    [Fact]
    public void Each_change_dotnet_format_would_make_is_a_finding_at_its_file_and_line()
    {
        var result = StyleCheck.FromReport(Report(("/repo/src/A.cs", 12, 5, "WHITESPACE", "Fix whitespace formatting. Replace 2 characters with '\\n'.")), "/repo");

        var finding = Assert.Single(result.Findings);
        Assert.Equal(new ScanFinding(ScanCategory.Style, "WHITESPACE", "Fix whitespace formatting. Replace 2 characters with '\\n'.", "src/A.cs", 12, 5), finding);
    }

    [Fact]
    public void The_severity_prefix_of_a_code_style_description_is_dropped()
    {
        var result = StyleCheck.FromReport(Report(("/repo/src/A.cs", 1, 1, "IDE0005", "error IDE0005: Using directive is unnecessary.")), "/repo");

        Assert.Equal("src/A.cs:1: IDE0005: Using directive is unnecessary.", Assert.Single(result.Findings).ToString());
    }

    [Fact]
    public void A_change_reported_twice_is_one_finding_and_analyzer_rules_are_left_to_the_analyzer_check()
    {
        var result = StyleCheck.FromReport(
            Report(
                ("/repo/src/A.cs", 1, 1, "IDE0005", "error IDE0005: Using directive is unnecessary."),
                ("/repo/src/A.cs", 1, 1, "IDE0005", "error IDE0005: Using directive is unnecessary."),
                ("/repo/src/A.cs", 9, 3, "CA1822", "warning CA1822: Member can be static.")),
            "/repo");

        Assert.Equal(["IDE0005"], result.Findings.Select(finding => finding.RuleId));
    }

    [Fact]
    public void A_compiler_error_in_the_report_makes_the_check_not_checked_instead_of_trusting_its_findings()
    {
        var result = StyleCheck.FromReport(
            Report(
                ("/repo/build/Build.cs", 1, 1, "IDE0005", "error IDE0005: Using directive is unnecessary."),
                ("/repo/build/Build.cs", 7, 15, "CS0246", "error CS0246: The type or namespace name 'KilnBuild' could not be found")),
            "/repo");

        Assert.False(result.Checked);
        Assert.Empty(result.Findings);
        Assert.StartsWith("dotnet format could not compile build/Build.cs(7): CS0246", result.NotCheckedReason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_report_is_a_clean_check()
    {
        var result = StyleCheck.FromReport(JsonDocument.Parse("[]"), "/repo");

        Assert.True(result.Checked);
        Assert.Empty(result.Findings);
    }
}
