namespace Kiln.SystemTests.Rehearsal;

/// <summary>The evidence that laptop and CI run the same steps: ci.yml's jobs, rehearsed here in needs: order on fresh runners.</summary>
[Trait("Category", "Rehearsal")]
public sealed class CiWorkflowRehearsalTests(RehearsedCiWorkflow rehearsal) : IClassFixture<RehearsedCiWorkflow>
{
    private static readonly string[] TierJobs = ["unit-test", "integration-test", "system-test"];

    [Fact]
    public void Every_job_of_ci_yml_passes_when_rehearsed_on_fresh_runners()
    {
        foreach (var run in rehearsal.Runs)
        {
            Assert.True(run.ExitCode == 0, $"Job {run.Id} failed in the rehearsal:\n{run.Output}");
            Assert.Contains("Build succeeded", run.StepSummary, StringComparison.Ordinal);
        }

        Assert.Equal(["compile", "unit-test", "integration-test", "system-test", "test", "scan", "pack"], rehearsal.Runs.Select(run => run.Id));
    }

    [Fact]
    public void The_pack_job_uploads_packages_carrying_the_version_its_Version_target_computed()
    {
        var pack = rehearsal.Runs.Single(run => run.Id == "pack");
        var semVer = pack.Output.Split('\n')
            .Select(line => line.Trim())
            .First(line => line.StartsWith("SemVer ", StringComparison.Ordinal))["SemVer ".Length..].Trim();

        Assert.Matches(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$", semVer);
        foreach (var package in new[] { "Kiln", "Kiln.Versioning", "Kiln.Components", "Kiln.Versioning.Tool", "Kiln.Azure", "Kiln.Templates" })
        {
            Assert.True(
                File.Exists(Path.Combine(rehearsal.Scratch, "artifact-store", "Pack", $"{package}.{semVer}.nupkg")),
                $"{package}.{semVer}.nupkg is not among the Pack artifacts.");
        }
    }

    [Fact]
    public void The_test_job_counts_the_tests_of_every_tier_from_the_results_it_downloaded()
    {
        var test = rehearsal.Runs.Single(run => run.Id == "test");
        var tiers = TierJobs
            .Select(id => TierCounts(rehearsal.Runs.Single(run => run.Id == id).StepSummary))
            .ToList();

        Assert.DoesNotContain("::group::UnitTest", test.Output, StringComparison.Ordinal);
        Assert.Contains(
            $"tests: {tiers.Sum(counts => counts.Passed)} passed, 0 failed, {tiers.Sum(counts => counts.Skipped)} skipped",
            test.Output,
            StringComparison.Ordinal);
    }

    [Fact]
    public void The_test_job_merges_the_tiers_coverage_and_puts_its_summary_in_the_step_summary()
    {
        var test = rehearsal.Runs.Single(run => run.Id == "test");

        Assert.Contains("# Summary", test.StepSummary, StringComparison.Ordinal);
        Assert.Contains("**Line coverage:**", test.StepSummary, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(rehearsal.Scratch, "artifact-store", "Test", "index.html")), "The Test artifact has no coverage report.");
        Assert.True(File.Exists(Path.Combine(rehearsal.Scratch, "artifact-store", "Test", "raw", "Kiln.SystemTests.cobertura.xml")), "The Test artifact lacks the system tests' coverage.");
    }

    [Fact]
    public void A_test_job_prepares_its_own_fresh_runner_before_testing()
    {
        var unitTest = rehearsal.Runs.Single(run => run.Id == "unit-test");

        Assert.Contains("::group::Restore", unitTest.Output, StringComparison.Ordinal);
        Assert.Contains("::group::Compile", unitTest.Output, StringComparison.Ordinal);
        Assert.Contains("::group::UnitTest", unitTest.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_test_job_uploads_its_results_and_coverage_as_an_artifact()
    {
        // UnitTest runs on an OS matrix: one artifact per image, the ubuntu one rehearsed here.
        Assert.True(File.Exists(Path.Combine(rehearsal.Scratch, "artifact-store", "UnitTest-ubuntu-latest", "test-results", "Kiln.UnitTests.trx")));
        Assert.True(File.Exists(Path.Combine(rehearsal.Scratch, "artifact-store", "UnitTest-ubuntu-latest", "coverage", "raw", "Kiln.UnitTests.cobertura.xml")));
        Assert.True(File.Exists(Path.Combine(rehearsal.Scratch, "artifact-store", "IntegrationTest", "test-results", "Kiln.IntegrationTests.trx")));
    }

    [Fact]
    public void The_scan_job_uploads_its_SARIF_log_and_the_SBOM()
    {
        var scan = rehearsal.Runs.Single(run => run.Id == "scan");

        Assert.Contains("| Scan | ✅ Succeeded |", scan.StepSummary, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(rehearsal.Scratch, "artifact-store", "Scan", "kiln.sarif")), "The Scan artifact has no SARIF log.");
        Assert.True(File.Exists(Path.Combine(rehearsal.Scratch, "artifact-store", "Scan", "sbom.cdx.json")), "The Scan artifact has no SBOM.");
    }

    [Fact]
    public void The_step_summary_shows_the_jobs_summary_table()
    {
        var integration = rehearsal.Runs.Single(run => run.Id == "integration-test");

        Assert.Contains("| IntegrationTest | ✅ Succeeded |", integration.StepSummary, StringComparison.Ordinal);
    }

    /// <summary>The counts a tier's job noted in its summary table: "| UnitTest | ✅ Succeeded | 0:03 | 468 passed, 0 failed, 0 skipped |".</summary>
    private static (int Passed, int Skipped) TierCounts(string stepSummary)
    {
        var match = System.Text.RegularExpressions.Regex.Match(stepSummary, @"\| \w+Test \| ✅ Succeeded \| [^|]+ \| (\d+) passed, 0 failed, (\d+) skipped");
        Assert.True(match.Success, $"No test counts in the job's summary table:\n{stepSummary}");
        return (int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
    }
}
