using Kiln.Components;

namespace Kiln.UnitTests.Components;

/// <summary>Test (ITest): what it concludes from the results the tiers left in artifacts/test-results.</summary>
[Collection("Build runs")]
public sealed class TestReportTests : IDisposable
{
    private readonly TemporaryRoot root = new();

    public TestReportTests()
    {
        File.WriteAllText(Path.Combine(root.Path, "Sample.sln"), string.Empty);
        foreach (var project in new[] { "tests/Sample.UnitTests/Sample.UnitTests.csproj", "tests/Other.UnitTests/Other.UnitTests.csproj" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(root.Path, project))!);
            File.WriteAllText(Path.Combine(root.Path, project), "<Project />");
        }
    }

    public void Dispose() => root.Dispose();

    [Fact]
    public async Task Test_adds_up_the_counts_of_every_project_the_tiers_ran()
    {
        WriteResults("Sample.UnitTests", passed: 3);
        WriteResults("Other.UnitTests", passed: 2);

        var run = await root.RunAsync(new TierBuild(), ["Test", "--skip"]);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("tests: 5 passed, 0 failed, 0 skipped", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_fails_when_a_project_of_a_tier_left_no_results_instead_of_counting_it_out()
    {
        WriteResults("Sample.UnitTests", passed: 3);

        var run = await root.RunAsync(new TierBuild(), ["Test", "--skip"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Test Failed", run.Row("Test"), StringComparison.Ordinal);
        Assert.Contains("Other.UnitTests left no test results (artifacts/test-results/Other.UnitTests.trx)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnitTest_on_the_testing_platform_without_the_trx_report_extension_says_which_package_to_add()
    {
        File.WriteAllText(Path.Combine(root.Path, "global.json"), """{ "test": { "runner": "Microsoft.Testing.Platform" } }""");

        var run = await root.RunAsync(new TierBuild(), ["UnitTest", "--skip"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(
            "Other.UnitTests runs on Microsoft.Testing.Platform without Microsoft.Testing.Extensions.TrxReport, so its tests cannot be counted: add a PackageReference to it in Other.UnitTests.csproj.",
            run.Output,
            StringComparison.Ordinal);
    }

    private void WriteResults(string project, int passed)
    {
        var folder = Directory.CreateDirectory(Path.Combine(root.Path, "artifacts", "test-results")).FullName;
        File.WriteAllText(Path.Combine(folder, $"{project}.trx"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
              <ResultSummary outcome="Completed">
                <Counters total="{passed}" executed="{passed}" passed="{passed}" failed="0" error="0" timeout="0" aborted="0" notExecuted="0" />
              </ResultSummary>
            </TestRun>
            """);
    }

    private sealed class TierBuild : KilnBuild, IHazGitVersion, IUnitTest;
}
