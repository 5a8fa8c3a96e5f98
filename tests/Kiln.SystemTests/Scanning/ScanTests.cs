using System.Text.Json;
using Kiln.SystemTests.SampleRepository;

namespace Kiln.SystemTests.Scanning;

/// <summary>Scan on a whole repository through build.sh: clean, with a committed secret, and as a pre-commit hook.</summary>
[Trait("Category", "SampleRepository")]
[Collection(SharedSampleRepository.Name)]
public sealed class ScanTests(SampleRepositoryFixture sample)
{
    [Fact]
    public void Scan_passes_on_a_clean_repository_noting_each_category_with_its_packages_checked_for_vulnerabilities()
    {
        sample.CleanScan.AssertExitCode(0);
        Assert.Equal("Succeeded", sample.CleanScan.Status("Scan"));
        Assert.Equal("style 0, analyzers 0, vulnerabilities 0, licenses 0, secrets 0", sample.CleanScan.Note("Scan"));
    }

    [Fact]
    public void Scan_writes_a_SARIF_log_and_a_CycloneDX_SBOM_of_the_packages()
    {
        using var sarif = JsonDocument.Parse(sample.CleanSarif);
        using var sbom = JsonDocument.Parse(sample.CleanSbom);

        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        Assert.Equal(0, sarif.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
        Assert.Equal("1.5", sbom.RootElement.GetProperty("specVersion").GetString());
        Assert.Contains(
            sbom.RootElement.GetProperty("components").EnumerateArray(),
            component => component.GetProperty("purl").GetString()!.StartsWith("pkg:nuget/xunit@", StringComparison.Ordinal));
    }

    [Fact]
    public void Scan_fails_on_a_committed_secret_naming_its_file_line_and_rule()
    {
        sample.LeakedScan.AssertExitCode(1);
        Assert.Equal("Failed", sample.LeakedScan.Status("Scan"));
        Assert.Contains("src/Sample/Settings.cs(5): github-token: ", sample.LeakedScan.Output, StringComparison.Ordinal);
        Assert.Contains("Scan found 1 problem(s) in secrets", sample.LeakedScan.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_SARIF_log_of_the_failed_scan_locates_the_secret()
    {
        using var sarif = JsonDocument.Parse(sample.LeakedSarif);

        var result = Assert.Single(sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("github-token", result.GetProperty("ruleId").GetString());
        Assert.Equal("error", result.GetProperty("level").GetString());
        Assert.Equal("src/Sample/Settings.cs", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(5, location.GetProperty("region").GetProperty("startLine").GetInt32());
    }

    [Fact]
    public void The_secret_never_appears_in_the_output_or_the_SARIF_log()
    {
        Assert.DoesNotContain(sample.LeakedToken[4..], sample.LeakedScan.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(sample.LeakedToken[4..], sample.LeakedSarif, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pre_commit_hook_stops_a_commit_whose_staged_changes_hold_a_secret_without_printing_it()
    {
        sample.InstallHooks.AssertExitCode(0);
        var (exitCode, output, error) = sample.HookedCommit;

        Assert.NotEqual(0, exitCode);
        Assert.Equal(sample.CommitsBeforeHookedCommit, sample.CommitsAfterHookedCommit);
        Assert.Contains("nuget-push.txt(1): nuget-api-key: ", output + error, StringComparison.Ordinal);
        Assert.DoesNotContain(sample.StagedKey[3..], output + error, StringComparison.Ordinal);
    }
}
