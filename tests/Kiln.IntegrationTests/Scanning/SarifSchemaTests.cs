using Kiln.Scanning;

namespace Kiln.IntegrationTests.Scanning;

/// <summary>The SARIF file Scan writes, checked by a real validator against the published SARIF 2.1.0 schema.</summary>
public sealed class SarifSchemaTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "kiln-sarif-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task A_log_with_findings_of_every_category_and_a_check_not_run_validates_against_the_SARIF_2_1_0_schema()
    {
        var report = new ScanReport(
            [
                ScanResult.Found(ScanCategory.Style, [new ScanFinding(ScanCategory.Style, "IDE0055", "Fix formatting", "src/A.cs", 3, 5)]),
                ScanResult.Found(ScanCategory.Analyzers, [new ScanFinding(ScanCategory.Analyzers, "CA1822", "Mark members as static", "src/A.cs", 9)]),
                ScanResult.NotChecked(ScanCategory.Vulnerabilities, "no package source serves vulnerability data"),
                ScanResult.Found(ScanCategory.Licenses, [new ScanFinding(ScanCategory.Licenses, "license-not-allowed", "Foo 1.0 is GPL-3.0-only", "src/Foo/Foo.csproj")]),
                ScanResult.Found(ScanCategory.Secrets, [new ScanFinding(ScanCategory.Secrets, "github-token", "GitHub token ghp_… (40 characters)", "build/B.cs", 7, 12)]),
            ],
            [ScanCategory.Licenses]);
        var file = Path.Combine(folder, "kiln.sarif");
        await SarifLog.WriteAsync(report, file);

        var result = await JsonSchemaValidator.ValidateAsync("sarif", file);

        Assert.True(result.ExitCode == 0, result.Output);
    }

    [Fact]
    public async Task The_validator_rejects_a_log_that_breaks_the_schema()
    {
        var file = Path.Combine(folder, "broken.sarif");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(file, """{ "version": "2.1.0", "runs": [{ "tool": { "driver": {} }, "results": [{ "message": {} }] }] }""");

        var result = await JsonSchemaValidator.ValidateAsync("sarif", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("/runs/0/tool/driver: must have required property 'name'", result.Output, StringComparison.Ordinal);
    }
}
