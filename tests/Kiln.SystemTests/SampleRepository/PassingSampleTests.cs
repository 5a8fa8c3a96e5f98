using System.Globalization;

namespace Kiln.SystemTests.SampleRepository;

/// <summary>A whole repository driven through build.sh: what a user sees when every test passes.</summary>
[Trait("Category", "SampleRepository")]
[Collection(SharedSampleRepository.Name)]
public sealed class PassingSampleTests(SampleRepositoryFixture sample)
{
    [Fact]
    public void Compile_restores_and_compiles_the_solution_and_lists_both_as_succeeded()
    {
        var run = sample.Compile;

        run.AssertExitCode(0);
        Assert.Equal(["Restore", "Compile"], run.SummaryTargets);
        Assert.Equal("Succeeded", run.Status("Restore"));
        Assert.Equal("Succeeded", run.Status("Compile"));
    }

    [Fact]
    public void UnitTest_exits_with_zero_and_notes_the_passed_count_when_every_test_passes()
    {
        var run = sample.PassingUnitTest;

        run.AssertExitCode(0);
        Assert.Equal("Succeeded", run.Status("UnitTest"));
        Assert.Equal("3 passed, 0 failed, 0 skipped", run.Note("UnitTest"));
    }

    [Fact]
    public void UnitTest_writes_a_TRX_report_that_counts_every_test_as_passed()
    {
        sample.PassingUnitTest.AssertExitCode(0);

        var report = sample.PassingTrx ?? throw new Xunit.Sdk.XunitException("UnitTest wrote no TRX report.");

        Assert.Equal(3, report.Total);
        Assert.Equal(3, report.Passed);
        Assert.Equal(0, report.Failed);
        Assert.All(report.Outcomes.Values, outcome => Assert.Equal("Passed", outcome));
    }

    [Fact]
    public void UnitTest_writes_Cobertura_coverage_of_the_library_to_artifacts_coverage()
    {
        sample.PassingUnitTest.AssertExitCode(0);

        var coverage = sample.PassingCoverage?.Root ?? throw new Xunit.Sdk.XunitException("UnitTest wrote no coverage report.");

        Assert.Equal("coverage", coverage.Name.LocalName);
        var lineRate = double.Parse((string?)coverage.Attribute("line-rate") ?? "missing", CultureInfo.InvariantCulture);
        Assert.InRange(lineRate, 0.01, 1.0);
        Assert.Contains(coverage.Descendants("package"), package => (string?)package.Attribute("name") == "Sample");
    }
}
