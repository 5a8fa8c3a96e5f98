using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Kiln.IntegrationTests.Execution;

[Collection(TinyBuildRuns.Name)]
public sealed partial class InterruptTests(TinyBuildFixture sample)
{
    [Fact]
    public async Task Ctrl_C_stops_the_running_target_kills_its_tool_runs_assured_targets_and_exits_with_130()
    {
        // One target at a time: with more, a redirected build holds each target's lines until it ends, and the
        // test reads the child's pid while Long still runs.
        using var build = sample.Start("Long", "Hello", "--max-parallel", "1");
        var started = await build.WaitForOutputAsync(ChildPid(), TimeSpan.FromMinutes(2));
        var child = int.Parse(started.Groups["pid"].Value, CultureInfo.InvariantCulture);
        Assert.True(ProcessState.IsRunning(child), $"The child {child} should be sleeping before the interrupt.");

        // build.sh execs dotnet, so the process started is the build itself, as a terminal's Ctrl-C would reach it.
        // A process started in the background of a non-interactive shell inherits SIGINT ignored, and .NET respects
        // that; the build then stops on SIGTERM, which the same handler serves.
        var signal = IgnoresInterrupt(build.Id) ? "TERM" : "INT";
        await SendAsync(signal, build.Id);
        var run = await build.WaitForExitAsync(TimeSpan.FromMinutes(1));

        run.AssertExitCode(130);
        Assert.Contains(run.StandardOutput, line => line.StartsWith($"SIG{signal} received", StringComparison.Ordinal));
        Assert.Equal(["Long", "Hello", "Cleanup"], run.SummaryTargets);
        Assert.Equal("Aborted", run.Status("Long"));
        Assert.Equal("NotRun", run.Status("Hello"));
        Assert.DoesNotContain(run.StandardOutput, line => line.StartsWith("Hello ran", StringComparison.Ordinal));
        Assert.Equal("Succeeded", run.Status("Cleanup"));
        Assert.Contains("Cleanup ran.", run.StandardOutput);
        Assert.Single(run.StandardOutput, line => line.StartsWith("Build interrupted after ", StringComparison.Ordinal));
        Assert.True(await ProcessState.HasEndedAsync(child), $"The child {child} (sleep 300) is still running after the build ended.{Environment.NewLine}{run}");
    }

    [Fact]
    public async Task A_second_Ctrl_C_ends_a_run_stuck_in_a_target_at_once_with_the_summary_so_far()
    {
        using var build = sample.Start("Stubborn", "Hello", "--max-parallel", "1");
        await build.WaitForOutputAsync(StubbornRan(), TimeSpan.FromMinutes(2));
        var signal = IgnoresInterrupt(build.Id) ? "TERM" : "INT";

        await SendAsync(signal, build.Id);
        await build.WaitForOutputAsync(Received(), TimeSpan.FromMinutes(1));
        await SendAsync(signal, build.Id);
        var run = await build.WaitForExitAsync(TimeSpan.FromMinutes(1));

        run.AssertExitCode(130);
        Assert.Contains(run.StandardOutput, line => line.StartsWith($"SIG{signal} received again: exiting now", StringComparison.Ordinal));
        Assert.Equal(["Stubborn", "Hello"], run.SummaryTargets);
        Assert.Equal("Aborted", run.Status("Stubborn"));
        Assert.Equal("NotRun", run.Status("Hello"));
        Assert.Single(run.StandardOutput, line => line.StartsWith("Build interrupted after ", StringComparison.Ordinal));
    }

    private static async Task SendAsync(string signal, int pid)
    {
        using var kill = Process.Start("kill", ["-" + signal, pid.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>Whether SIGINT (signal 2) is in the process's ignored-signals mask.</summary>
    private static bool IgnoresInterrupt(int pid)
    {
        var mask = File.ReadLines($"/proc/{pid}/status").Single(line => line.StartsWith("SigIgn:", StringComparison.Ordinal))["SigIgn:".Length..].Trim();
        return (ulong.Parse(mask, NumberStyles.HexNumber, CultureInfo.InvariantCulture) & (1UL << 1)) != 0;
    }

    [GeneratedRegex(@"^child pid (?<pid>\d+)$")]
    private static partial Regex ChildPid();

    [GeneratedRegex(@"Stubborn ran")]
    private static partial Regex StubbornRan();

    [GeneratedRegex(@"^SIG(INT|TERM) received: stopping")]
    private static partial Regex Received();
}
