using System.Globalization;
using System.Text.RegularExpressions;

namespace Kiln.IntegrationTests.Execution;

[Collection(TinyBuildRuns.Name)]
public sealed partial class ParallelTests(TinyBuildFixture sample)
{
    [Fact]
    public async Task A_failure_cancels_the_running_sibling_and_kills_its_tool()
    {
        var run = await sample.RunAsync("Sleeper", "FailBesideSleeper", "--max-parallel", "2");

        run.AssertExitCode(1);
        Assert.Equal("Aborted", run.Status("Sleeper"));
        Assert.Equal("cancelled: FailBesideSleeper failed", run.Note("Sleeper"));
        Assert.Equal("Failed", run.Status("FailBesideSleeper"));
        var child = int.Parse(run.StandardOutput.Select(line => ChildPid().Match(line)).Single(match => match.Success).Groups["pid"].Value, CultureInfo.InvariantCulture);
        Assert.True(await ProcessState.HasEndedAsync(child), $"The child {child} (sleep 300) is still running after the build ended.{Environment.NewLine}{run}");
    }

    [Fact]
    public async Task Targets_running_at_the_same_time_print_their_lines_in_one_block_each()
    {
        var run = await sample.RunAsync("Sleeper", "FailBesideSleeper", "--max-parallel", "2");

        var lines = run.StandardOutput.ToList();
        var header = lines.IndexOf("Sleeper");
        Assert.True(header >= 0, run.ToString());
        Assert.StartsWith("Sleeper ran:", lines[header + 2], StringComparison.Ordinal);
        Assert.Matches(ChildPid(), lines[header + 3]);
    }

    [GeneratedRegex(@"^child pid (?<pid>\d+)$")]
    private static partial Regex ChildPid();
}
