using System.Text.Json;
using Kiln.Scanning;

namespace Kiln.UnitTests.Scanning;

public sealed class AnalyzerCheckTests
{
    private const string CompilerLog = """
        {
          "$schema": "http://json.schemastore.org/sarif-2.1.0",
          "version": "2.1.0",
          "runs": [{
            "results": [
              { "ruleId": "CA1822", "level": "warning", "message": { "text": "Member 'Run' does not access instance data and can be marked as static" },
                "locations": [{ "physicalLocation": { "artifactLocation": { "uri": "file:///repo/src/My%20App/A.cs" }, "region": { "startLine": 14, "startColumn": 17 } } }] },
              { "ruleId": "CS0168", "level": "error", "message": { "text": "The variable 'e' is declared but never used" },
                "locations": [{ "physicalLocation": { "artifactLocation": { "uri": "file:///repo/src/B.cs" }, "region": { "startLine": 3, "startColumn": 9 } } }] },
              { "ruleId": "CS0164", "level": "error", "message": { "text": "This label has not been referenced" },
                "suppressions": [{ "kind": "inSource" }],
                "locations": [{ "physicalLocation": { "artifactLocation": { "uri": "file:///repo/src/obj/Gen.g.cs" }, "region": { "startLine": 1 } } }] },
              { "ruleId": "IDE0028", "level": "note", "message": { "text": "Collection initialization can be simplified" } }
            ],
            "tool": { "driver": { "name": "Microsoft (R) Visual C# Compiler" } }
          }]
        }
        """;

    [Fact]
    public void Unsuppressed_warnings_and_errors_of_the_compiler_log_are_findings_at_their_file_and_line()
    {
        var findings = AnalyzerCheck.FromCompilerLog(JsonDocument.Parse(CompilerLog), "/repo").ToList();

        Assert.Equal(
            [
                new ScanFinding(ScanCategory.Analyzers, "CA1822", "Member 'Run' does not access instance data and can be marked as static", "src/My App/A.cs", 14, 17),
                new ScanFinding(ScanCategory.Analyzers, "CS0168", "The variable 'e' is declared but never used", "src/B.cs", 3, 9),
            ],
            findings);
    }

    [Fact]
    public async Task The_check_reads_every_log_in_the_folder_and_counts_the_projects()
    {
        var folder = Path.Combine(Path.GetTempPath(), "kiln-analyzers-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "A.sarif"), CompilerLog);
            await File.WriteAllTextAsync(Path.Combine(folder, "B.sarif"), """{ "version": "2.1.0", "runs": [{ "results": [] }] }""");

            var result = await AnalyzerCheck.RunAsync(AbsolutePath.Create(folder), AbsolutePath.Create("/repo"));

            Assert.True(result.Checked);
            Assert.Equal(2, result.Findings.Count);
            Assert.Equal("2 project(s)", result.Note);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Without_compiler_logs_the_check_is_not_checked_and_says_how_to_get_them()
    {
        var result = await AnalyzerCheck.RunAsync(AbsolutePath.Create("/repo/artifacts/scan/compiler"), AbsolutePath.Create("/repo"));

        Assert.False(result.Checked);
        Assert.Equal("no compiler logs in artifacts/scan/compiler: set ErrorLog as docs/scanning.md shows, then compile", result.NotCheckedReason);
    }
}
