using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using Kiln.SystemTests.SampleRepository;

namespace Kiln.SystemTests.Rehearsal;

/// <summary>
/// The evidence that laptop and CI run the same steps: the workflow Kiln generates for the sample (UnitTest on an OS
/// matrix, TestReport consuming its results), rehearsed here job by job in needs: order on fresh runners.
/// </summary>
[Trait("Category", "Rehearsal")]
[Collection(SharedSampleRepository.Name)]
public sealed partial class SampleWorkflowRehearsalTests(SampleRepositoryFixture sample)
{
    [Fact]
    public void Every_job_passes_on_a_fresh_runner_in_needs_order()
    {
        foreach (var run in sample.Rehearsal)
        {
            Assert.True(run.ExitCode == 0, $"Job {run.Id} failed in the rehearsal:\n{run.Output}");
            Assert.Contains("Build succeeded", run.StepSummary, StringComparison.Ordinal);
        }

        Assert.Equal(["unit-test", "test-report"], sample.Rehearsal.Select(run => run.Id));
    }

    [Fact]
    public void A_job_prepares_its_own_fresh_runner_before_running_its_target()
    {
        var unitTest = sample.Rehearsal.Single(run => run.Id == "unit-test");

        Assert.Equal("ubuntu-latest", unitTest.Matrix["os"]);
        Assert.Contains("::group::Restore", unitTest.Output, StringComparison.Ordinal);
        Assert.Contains("::group::Compile", unitTest.Output, StringComparison.Ordinal);
        Assert.Contains("::group::UnitTest", unitTest.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_matrix_job_uploads_what_its_target_produces_as_an_artifact_named_for_its_image()
    {
        var artifact = Path.Combine(sample.RehearsalFolder, "artifact-store", "UnitTest-ubuntu-latest");

        Assert.True(File.Exists(Path.Combine(artifact, "test-results", "Sample.Tests.trx")), "The UnitTest artifact has no TRX report.");
        Assert.True(File.Exists(Path.Combine(artifact, "coverage", "coverage.cobertura.xml")), "The UnitTest artifact has no coverage report.");
    }

    [Fact]
    public void The_next_job_reports_on_the_results_it_downloaded_without_running_UnitTest_again()
    {
        var report = sample.Rehearsal.Single(run => run.Id == "test-report");

        Assert.DoesNotContain("::group::UnitTest", report.Output, StringComparison.Ordinal);
        Assert.Matches(@"\| TestReport \| ✅ Succeeded \| [^|]+ \| 3 passed, 0 failed, 0 skipped in the results UnitTest left \|", report.StepSummary);
    }

    [Fact]
    public void A_step_added_to_a_job_runs_after_its_target_on_the_same_runner()
    {
        var report = sample.Rehearsal.Single(run => run.Id == "test-report");

        Assert.Contains("results on this runner: Sample.Tests.trx", report.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_step_summary_shows_the_jobs_summary_table_with_the_test_counts()
    {
        var unitTest = sample.Rehearsal.Single(run => run.Id == "unit-test");

        Assert.Matches(SummaryRow(), unitTest.StepSummary);
    }

    [Fact]
    public void On_a_CI_runner_build_sh_compiles_the_build_without_the_ahead_of_time_step()
    {
        var unitTest = sample.Rehearsal.Single(run => run.Id == "unit-test");
        var compiled = Path.Combine(unitTest.Workspace, ".nuke", "temp", "bootstrap", "bin", "_build", "debug", "_build.dll");

        using var reader = new PEReader(File.OpenRead(compiled));

        // A fresh runner compiles once and runs once or twice: a ReadyToRun image would cost more than it saves.
        Assert.Equal(0, reader.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size);
        Assert.False(File.Exists(Path.Combine(unitTest.Workspace, ".nuke", "temp", "bootstrap-ready-to-run.log")), "build.sh tried the ahead-of-time step first.");
    }

    [GeneratedRegex(@"\| UnitTest \| ✅ Succeeded \| [^|]+ \| 3 passed, 0 failed, 0 skipped \|")]
    private static partial Regex SummaryRow();
}
