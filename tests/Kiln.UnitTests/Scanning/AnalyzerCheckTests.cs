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
    public async Task The_check_reads_the_newest_log_of_each_project_and_counts_the_projects()
    {
        var root = Path.Combine(Path.GetTempPath(), "kiln-analyzers-" + Guid.NewGuid().ToString("N"));
        try
        {
            var a = WriteLog(root, "A", "obj/Debug/net10.0", CompilerLog);
            var b = WriteLog(root, "B", "obj/Release/net10.0", """{ "version": "2.1.0", "runs": [{ "results": [] }] }""");
            WriteLog(root, "B", "obj/Debug/net10.0", CompilerLog);
            File.SetLastWriteTimeUtc(Path.Combine(root, "src", "B", "obj", "Debug", "net10.0", AnalyzerCheck.LogFileName), DateTime.UtcNow.AddHours(-1));

            var result = await AnalyzerCheck.RunAsync([a, b], AbsolutePath.Create(root));

            Assert.True(result.Checked);
            Assert.Equal(2, result.Findings.Count);
            Assert.Equal("2 project(s)", result.Note);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task A_project_without_a_compiler_log_makes_the_check_not_checked_saying_how_to_get_one()
    {
        var root = Path.Combine(Path.GetTempPath(), "kiln-analyzers-" + Guid.NewGuid().ToString("N"));
        try
        {
            var a = WriteLog(root, "A", "obj/Debug/net10.0", CompilerLog);
            var b = AbsolutePath.Create(Path.Combine(root, "src", "B", "B.csproj"));

            var result = await AnalyzerCheck.RunAsync([a, b], AbsolutePath.Create(root));

            Assert.False(result.Checked);
            Assert.Equal("src/B/B.csproj has no compiler log (kiln-compiler.sarif under its obj folder): set ErrorLog as docs/scanning.md shows, then compile", result.NotCheckedReason);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Writes src/&lt;project&gt;/&lt;folder&gt;/kiln-compiler.sarif and returns the project file's path.</summary>
    private static AbsolutePath WriteLog(string root, string project, string folder, string log)
    {
        var directory = Path.Combine(root, "src", project);
        Directory.CreateDirectory(Path.Combine(directory, folder));
        File.WriteAllText(Path.Combine(directory, folder, AnalyzerCheck.LogFileName), log);
        return AbsolutePath.Create(Path.Combine(directory, project + ".csproj"));
    }
}
