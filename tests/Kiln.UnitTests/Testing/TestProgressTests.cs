using Kiln.Testing;
using Kiln.Tooling;

namespace Kiln.UnitTests.Testing;

public sealed class TestProgressTests
{
    private static readonly string[] VSTestOutput =
    [
        "Test run for /r/bin/Debug/net10.0/A.Tests.dll (.NETCoreApp,Version=v10.0)",
        "[xUnit.net 00:00:00.41]   Starting:    A.Tests",
        "  Passed A.Adds [9 ms]",
        "  Skipped A.Multiplies [1 ms]",
        "  Passed A.Four(x: 2) [< 1 ms]",
        "  Failed A.Divides [3 ms]",
        "  Error Message:",
        "Total tests: 4",
        "     Passed: 2",
    ];

    private static readonly string[] TestingPlatformOutput =
        ["passed A.Two (1s 510ms)", "  from /r/A.dll (net10.0|x64)", "skipped A.Three", "  no", "failed A.One (3ms)", "  failed: 1", "Test run summary: Passed!"];

    [Fact]
    public void TestProgress_counts_the_vstest_console_loggers_line_per_test_and_hides_only_the_passed_ones()
    {
        var progress = new TestProgress(expected: null);

        var printed = VSTestOutput.Where(progress.Observe).ToList();

        Assert.Equal(4, progress.Done);
        Assert.Equal(
            ["Test run for /r/bin/Debug/net10.0/A.Tests.dll (.NETCoreApp,Version=v10.0)", "[xUnit.net 00:00:00.41]   Starting:    A.Tests",
             "  Skipped A.Multiplies [1 ms]", "  Failed A.Divides [3 ms]", "  Error Message:", "Total tests: 4", "     Passed: 2"],
            printed);
    }

    [Fact]
    public void TestProgress_counts_the_testing_platforms_detailed_lines_and_not_its_summary()
    {
        var progress = new TestProgress(expected: null);

        foreach (var line in TestingPlatformOutput)
        {
            Assert.True(progress.Observe(line));
        }

        Assert.Equal(3, progress.Done);
    }

    [Theory]
    [InlineData(null, 0, null)]
    [InlineData(null, 312, "312 done")]
    [InlineData(1071, 0, "running 0 of about 1071")]
    [InlineData(1071, 312, "running 312 of about 1071")]
    [InlineData(10, 12, "12 done")]
    public void TestProgress_says_running_n_of_about_m_with_an_earlier_runs_total_and_n_done_without(int? expected, int done, string? text)
    {
        var progress = new TestProgress(expected);
        foreach (var _ in Enumerable.Range(0, done))
        {
            progress.Observe("  Passed A.Test [1 ms]");
        }

        Assert.Equal(text, progress.Describe());
    }

    [Theory]
    [InlineData(true, "--logger", "console;verbosity=normal")]
    [InlineData(true, "--logger", "console;verbosity=detailed")]
    [InlineData(false, "--logger", "console;verbosity=minimal")]
    [InlineData(false, "--logger", "trx;LogFileName=normal.trx")]
    [InlineData(true, "--output", "Detailed")]
    [InlineData(false, "--output", "Normal")]
    public void TestProgress_counts_only_when_the_command_prints_a_line_for_every_test(bool counts, string option, string value) =>
        Assert.Equal(counts, TestProgress.CountsEveryTest(["test", "A.Tests.csproj", option, value]));

    [Fact]
    public void DotNetTestSettings_for_a_test_tier_print_a_line_per_test()
    {
        var settings = new DotNetTestSettings { Project = "/r/A.Tests.csproj", Loggers = ["trx;LogFileName=a.trx", "console;verbosity=normal"], ExpectedTestCount = 5 };

        Assert.True(TestProgress.CountsEveryTest(settings.ToCommand().Arguments));
    }
}
