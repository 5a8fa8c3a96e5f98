using System.Collections.Concurrent;
using Kiln.Definition;
using Kiln.Execution;
using Kiln.Hosts;
using Kiln.Planning;

namespace Kiln.UnitTests.Execution;

/// <summary>
/// The executor with more than one target at a time. The builds coordinate their targets with gates
/// (TaskCompletionSource), never with delays, so each test forces the overlap it is about.
/// </summary>
public sealed class ParallelExecutorTests : IDisposable
{
    private readonly StringWriter output = new();

    public void Dispose() => output.Dispose();

    [Fact]
    public async Task Parallel_executor_runs_independent_targets_at_the_same_time()
    {
        var build = new GatedBuild();

        // Left and Right each wait until the other has started: this only ends if both run at once.
        var summary = await RunAsync(build, 2, "Left", "Right");

        Assert.Equal([("Left", TargetStatus.Succeeded), ("Right", TargetStatus.Succeeded)], Statuses(summary));
    }

    [Fact]
    public async Task Parallel_executor_starts_a_target_only_after_all_its_dependencies_ended()
    {
        var build = new GatedBuild();

        await RunAsync(build, 4, "Joined");

        var events = build.Events.ToList();
        Assert.True(events.IndexOf("end Left") < events.IndexOf("start Joined"));
        Assert.True(events.IndexOf("end Right") < events.IndexOf("start Joined"));
    }

    [Fact]
    public async Task Parallel_executor_starts_a_target_ordered_after_another_only_once_that_one_ended()
    {
        var build = new GatedBuild();

        await RunAsync(build, 4, "Ordered", "First");

        var events = build.Events.ToList();
        Assert.True(events.IndexOf("end First") < events.IndexOf("start Ordered"));
    }

    [Fact]
    public async Task Parallel_executor_starts_a_triggered_target_only_once_its_trigger_ended()
    {
        var build = new GatedBuild();

        await RunAsync(build, 4, "Trigger");

        var events = build.Events.ToList();
        Assert.True(events.IndexOf("end Trigger") < events.IndexOf("start Triggered"));
    }

    [Fact]
    public async Task Parallel_executor_never_runs_more_targets_at_once_than_max_parallel()
    {
        var build = new CountingBuild(limit: 2, total: 5);

        var summary = await RunAsync(build, 2, "One", "Two", "Three", "Four", "Five");

        Assert.Equal(2, build.MostAtOnce);
        Assert.All(summary.Results, result => Assert.Equal(TargetStatus.Succeeded, result.Status));
    }

    [Fact]
    public async Task Parallel_executor_with_max_parallel_one_runs_one_target_at_a_time_in_plan_order()
    {
        var build = new CountingBuild(limit: 1, total: 5);

        await RunAsync(build, 1, "One", "Two", "Three", "Four", "Five");

        Assert.Equal(1, build.MostAtOnce);
        Assert.Equal(["One", "Two", "Three", "Four", "Five"], build.Started);
    }

    [Fact]
    public async Task Parallel_executor_cancels_a_running_sibling_when_a_target_fails()
    {
        var build = new GatedBuild();

        var summary = await RunAsync(build, 2, "Blocked", "FailsWhileBlocked", "AfterBlocked");

        Assert.Equal(
            [("Blocked", TargetStatus.Aborted), ("FailsWhileBlocked", TargetStatus.Failed), ("AfterBlocked", TargetStatus.NotRun)],
            Statuses(summary));
        Assert.Equal("cancelled: FailsWhileBlocked failed", summary.Results.Single(result => result.Name == "Blocked").Note);
        Assert.Contains("Blocked was cancelled: FailsWhileBlocked failed.", output.ToString(), StringComparison.Ordinal);
        Assert.False(summary.WasInterrupted);
        Assert.Equal(1, summary.ExitCode);
    }

    [Fact]
    public async Task Build_cancellation_token_inside_a_target_is_cancelled_when_a_running_sibling_fails()
    {
        var build = new GatedBuild();

        var summary = await RunAsync(build, 2, "BlockedOnBuildToken", "FailsWhileBlocked");

        Assert.Equal([("BlockedOnBuildToken", TargetStatus.Aborted), ("FailsWhileBlocked", TargetStatus.Failed)], Statuses(summary));
    }

    [Fact]
    public async Task Parallel_executor_lets_running_siblings_finish_after_a_target_that_proceeds_after_failure()
    {
        var build = new GatedBuild();

        var summary = await RunAsync(build, 3, "WaitsForNext", "ProceedingFailure", "Next");

        Assert.Equal(TargetStatus.Failed, summary.Results.Single(result => result.Name == "ProceedingFailure").Status);
        Assert.Equal(TargetStatus.Succeeded, summary.Results.Single(result => result.Name == "Next").Status);
        Assert.Equal(TargetStatus.Succeeded, summary.Results.Single(result => result.Name == "WaitsForNext").Status);
    }

    [Fact]
    public async Task Parallel_executor_lists_the_targets_in_plan_order_whatever_order_they_ended_in()
    {
        var build = new GatedBuild();

        var summary = await RunAsync(build, 2, "EndsLast", "Quick");

        Assert.Equal(["EndsLast", "Quick"], summary.Results.Select(result => result.Name));
        var events = build.Events.ToList();
        Assert.True(events.IndexOf("end Quick") < events.IndexOf("end EndsLast"));
    }

    [Fact]
    public async Task Parallel_executor_keeps_the_lines_of_two_targets_running_at_once_in_one_block_each()
    {
        var host = new ConsoleHost(output, new SecretMasker(), useColors: false);

        using var build = new InterleavingBuild(host);

        await RunAsync(build, host, 2, "Ping", "Pong");

        var text = output.ToString().ReplaceLineEndings("\n");
        Assert.Contains("Ping\n" + new string('─', 40) + "\nping 1\nping 2 (console)\nping 3\n", text, StringComparison.Ordinal);
        Assert.Contains("Pong\n" + new string('─', 40) + "\npong 1\npong 2 (console)\npong 3\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parallel_executor_prefixes_each_line_with_its_target_on_a_terminal()
    {
        var host = new ConsoleHost(output, new SecretMasker(), useColors: false, isTerminal: true);

        using var build = new InterleavingBuild(host);

        await RunAsync(build, host, 2, "Ping", "Pong");

        var lines = output.ToString().ReplaceLineEndings("\n").Split('\n');
        Assert.Equal(["[Ping] ping 1", "[Ping] ping 2 (console)", "[Ping] ping 3"], lines.Where(line => line.Contains("ping ", StringComparison.Ordinal)));
        Assert.Equal(["[Pong] pong 1", "[Pong] pong 2 (console)", "[Pong] pong 3"], lines.Where(line => line.Contains("pong ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Parallel_executor_writes_one_GitHub_Actions_group_per_target()
    {
        var host = new GitHubActionsHost(output, new SecretMasker(), "/repo", stepSummaryPath: null);

        using var build = new InterleavingBuild(host);

        await RunAsync(build, host, 2, "Ping", "Pong");

        var text = output.ToString().ReplaceLineEndings("\n");
        Assert.Contains("::group::Ping\nping 1\nping 2 (console)\nping 3\n::endgroup::\n", text, StringComparison.Ordinal);
        Assert.Contains("::group::Pong\npong 1\npong 2 (console)\npong 3\n::endgroup::\n", text, StringComparison.Ordinal);
        Assert.Equal(2, text.Split('\n').Count(line => line.StartsWith("::group::", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Parallel_executor_prints_a_line_from_a_task_that_outlived_its_target_straight_to_the_output()
    {
        var build = new OutlivingBuild();

        await RunAsync(build, 2, "Starter", "Quick");
        build.Release.SetResult();
        await build.Late;

        var lines = output.ToString().ReplaceLineEndings("\n").Split('\n');
        Assert.Equal("late line", lines.Where(line => line.Length > 0).Last());
    }

    [Fact]
    public async Task Parallel_executor_prints_a_chain_of_targets_as_it_goes_without_holding_lines_back()
    {
        var host = new ConsoleHost(output, new SecretMasker(), useColors: false, isTerminal: true);

        await RunAsync(new GatedBuild(), host, 4, "Ordered", "First");

        Assert.DoesNotContain("[", output.ToString(), StringComparison.Ordinal);
    }

    private Task<BuildSummary> RunAsync(KilnBuild build, int maxParallel, params string[] invoked) =>
        RunAsync(build, new ConsoleHost(output, new SecretMasker(), useColors: false), maxParallel, invoked);

    private static async Task<BuildSummary> RunAsync(KilnBuild build, OutputHost host, int maxParallel, params string[] invoked)
    {
        BuildContext.Current = new BuildContext(host, CancellationToken.None);
        var plan = Planner.Plan(TargetGraph.Create(build), invoked, null);
        return await new Executor(host, maxParallel: maxParallel).RunAsync(plan, CancellationToken.None);
    }

    private static List<(string, TargetStatus)> Statuses(BuildSummary summary) =>
        summary.Results.Select(result => (result.Name, result.Status)).ToList();

    private sealed class GatedBuild : KilnBuild
    {
        private readonly TaskCompletionSource leftStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource rightStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource quickEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource blockedStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource nextStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ConcurrentQueue<string> Events { get; } = new();

        public Target Left => _ => _.Executes(async () =>
        {
            Events.Enqueue("start Left");
            leftStarted.SetResult();
            await rightStarted.Task;
            Events.Enqueue("end Left");
        });

        public Target Right => _ => _.Executes(async () =>
        {
            Events.Enqueue("start Right");
            rightStarted.SetResult();
            await leftStarted.Task;
            Events.Enqueue("end Right");
        });

        public Target Joined => _ => _.DependsOn(Left, Right).Executes(() => Events.Enqueue("start Joined"));

        public Target First => _ => _.Executes(() =>
        {
            Events.Enqueue("start First");
            Events.Enqueue("end First");
        });

        public Target Ordered => _ => _.After(First).Executes(() => Events.Enqueue("start Ordered"));

        public Target Trigger => _ => _.Triggers(Triggered).Executes(() =>
        {
            Events.Enqueue("start Trigger");
            Events.Enqueue("end Trigger");
        });

        public Target Triggered => _ => _.Executes(() => Events.Enqueue("start Triggered"));

        public Target Blocked => _ => _.Executes(async cancellationToken =>
        {
            blockedStarted.SetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        });

        // Waits on the ambient token rather than the one its action is given, as code a target calls does.
        public Target BlockedOnBuildToken => _ => _.Executes(async () =>
        {
            blockedStarted.SetResult();
            await Task.Delay(Timeout.Infinite, KilnBuild.CancellationToken);
        });

        public Target FailsWhileBlocked => _ => _.Executes(async () =>
        {
            await blockedStarted.Task;
            throw new InvalidOperationException("broke while Blocked ran");
        });

        public Target ProceedingFailure => _ => _.ProceedAfterFailure().Executes(() => throw new InvalidOperationException("broke, but the build goes on"));

        // Starts only once ProceedingFailure has ended, so WaitsForNext is still running when the failure is seen.
        public Target Next => _ => _.After(ProceedingFailure).Executes(() => nextStarted.SetResult());

        public Target WaitsForNext => _ => _.Executes(async cancellationToken => await nextStarted.Task.WaitAsync(cancellationToken));

        public Target AfterBlocked => _ => _.After(Blocked).Executes(() => Events.Enqueue("start AfterBlocked"));

        // Ends only after Quick has ended, though it comes first in the plan.
        public Target EndsLast => _ => _.Executes(async () =>
        {
            await quickEnded.Task;
            Events.Enqueue("end EndsLast");
        });

        public Target Quick => _ => _.Executes(() =>
        {
            Events.Enqueue("end Quick");
            quickEnded.SetResult();
        });
    }

    /// <summary>Starter leaves a task behind that logs once the test releases it, after the build ended.</summary>
    private sealed class OutlivingBuild : KilnBuild
    {
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Late { get; private set; } = Task.CompletedTask;

        public Target Starter => _ => _.Executes(() =>
        {
            Late = Task.Run(async () =>
            {
                await Release.Task;
                Log.Information("late line");
            });
        });

        public Target Quick => _ => _.Executes(() => { });
    }

    /// <summary>
    /// Each target waits inside until <c>limit</c> targets are inside at once (or every target has started), so the
    /// executor must fill the limit to get through, and the most seen at once shows whether it went over.
    /// </summary>
    private sealed class CountingBuild(int limit, int total) : KilnBuild
    {
        private readonly object gate = new();
        private readonly List<TaskCompletionSource> waiting = [];
        private int inside;

        public int MostAtOnce { get; private set; }

        public List<string> Started { get; } = [];

        public Target One => _ => _.Executes(() => EnterAsync("One"));

        public Target Two => _ => _.Executes(() => EnterAsync("Two"));

        public Target Three => _ => _.Executes(() => EnterAsync("Three"));

        public Target Four => _ => _.Executes(() => EnterAsync("Four"));

        public Target Five => _ => _.Executes(() => EnterAsync("Five"));

        private async Task EnterAsync(string name)
        {
            var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (gate)
            {
                Started.Add(name);
                inside++;
                MostAtOnce = Math.Max(MostAtOnce, inside);
                waiting.Add(entered);
                if (inside == limit || Started.Count == total)
                {
                    waiting.ForEach(source => source.SetResult());
                    waiting.Clear();
                }
            }

            await entered.Task;
            lock (gate)
            {
                inside--;
            }
        }
    }

    /// <summary>Ping and Pong take turns writing, so their lines would alternate if nothing kept them apart.</summary>
    private sealed class InterleavingBuild(OutputHost host) : KilnBuild, IDisposable
    {
        private readonly SemaphoreSlim pingTurn = new(1);
        private readonly SemaphoreSlim pongTurn = new(0);

        public Target Ping => _ => _.Executes(() => TakeTurnsAsync("ping", pingTurn, pongTurn));

        public void Dispose()
        {
            pingTurn.Dispose();
            pongTurn.Dispose();
        }

        public Target Pong => _ => _.Executes(() => TakeTurnsAsync("pong", pongTurn, pingTurn));

        private async Task TakeTurnsAsync(string word, SemaphoreSlim mine, SemaphoreSlim theirs)
        {
            await mine.WaitAsync();
            Log.Information($"{word} 1");
            theirs.Release();
            await mine.WaitAsync();

            // What a target prints with Console.WriteLine reaches the host through this writer.
            host.ConsoleWriter.WriteLine($"{word} 2 (console)");
            theirs.Release();
            await mine.WaitAsync();
            Log.Information($"{word} 3");
            theirs.Release();
        }
    }
}
