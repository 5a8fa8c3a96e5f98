namespace Kiln.SystemTests.Rehearsal;

/// <summary>The evidence that laptop and CI run the same steps: ci.yml's jobs, rehearsed here in needs: order on fresh runners.</summary>
[Trait("Category", "Rehearsal")]
public sealed class CiWorkflowRehearsalTests(RehearsedCiWorkflow rehearsal) : IClassFixture<RehearsedCiWorkflow>
{
    [Fact]
    public void Every_job_of_ci_yml_passes_when_rehearsed_on_fresh_runners()
    {
        foreach (var run in rehearsal.Runs)
        {
            Assert.True(run.ExitCode == 0, $"Job {run.Id} failed in the rehearsal:\n{run.Output}");
            Assert.Contains("Build succeeded", run.StepSummary, StringComparison.Ordinal);
        }

        Assert.Equal(["compile", "unit-test", "integration-test", "system-test"], rehearsal.Runs.Select(run => run.Id));
    }

    [Fact]
    public void Only_the_ubuntu_entry_of_the_os_matrix_runs_on_this_machine()
    {
        var unitTest = rehearsal.Runs.Single(run => run.Id == "unit-test");

        Assert.Equal("ubuntu-latest", unitTest.Matrix["os"]);
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
    public void A_last_job_uploads_its_test_results_as_an_artifact()
    {
        Assert.True(File.Exists(Path.Combine(rehearsal.Scratch, "artifact-store", "UnitTest-ubuntu-latest", "Kiln.UnitTests.trx")));
        Assert.True(File.Exists(Path.Combine(rehearsal.Scratch, "artifact-store", "IntegrationTest", "Kiln.IntegrationTests.trx")));
    }

    [Fact]
    public void The_step_summary_shows_the_jobs_summary_table()
    {
        var integration = rehearsal.Runs.Single(run => run.Id == "integration-test");

        Assert.Contains("| IntegrationTest | ✅ Succeeded |", integration.StepSummary, StringComparison.Ordinal);
    }
}
