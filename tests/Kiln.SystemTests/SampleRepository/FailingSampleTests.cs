namespace Kiln.SystemTests.SampleRepository;

/// <summary>A whole repository driven through build.sh: what a user sees when one unit test fails (Templates/FailingTest added).</summary>
[Trait("Category", "SampleRepository")]
[Collection(SharedSampleRepository.Name)]
public sealed class FailingSampleTests(SampleRepositoryFixture sample)
{
    [Fact]
    public void UnitTest_exits_with_one_when_a_test_fails()
    {
        sample.FailingUnitTest.AssertExitCode(1);
    }

    [Fact]
    public void The_summary_table_shows_UnitTest_failed_with_its_counts()
    {
        var run = sample.FailingUnitTest;

        Assert.Equal("Succeeded", run.Status("Compile"));
        Assert.Equal("Failed", run.Status("UnitTest"));
        Assert.Equal("3 passed, 1 failed, 0 skipped", run.Note("UnitTest"));
        Assert.Contains("Build failed in", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_TRX_report_records_the_failing_test()
    {
        var report = sample.FailingTrx ?? throw new Xunit.Sdk.XunitException("UnitTest wrote no TRX report.");

        Assert.Equal(4, report.Total);
        Assert.Equal(1, report.Failed);
        var failed = Assert.Single(report.Outcomes, outcome => outcome.Value == "Failed");
        Assert.EndsWith("BrokenExpectationTests.Add_of_two_and_two_is_five", failed.Key, StringComparison.Ordinal);
    }
}
