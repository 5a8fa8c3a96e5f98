using Kiln.Definition;
using Kiln.Execution;
using Kiln.Hosts;
using Kiln.Planning;
using Kiln.Tooling;

namespace Kiln.UnitTests.Execution;

/// <summary>Signs of life from long targets, driven by a fake clock and a delay the test releases: no test waits for real time.</summary>
public sealed class HeartbeatTests : IDisposable
{
    private static readonly ToolCommand UnitTests =
        new("dotnet", ["test", "/repo/tests/Kiln.UnitTests/Kiln.UnitTests.csproj", "--configuration", "Debug", "--no-build"]);

    private readonly StringWriter output = new();
    private readonly FakeClock clock = new();

    public void Dispose() => output.Dispose();

    [Fact]
    public void Heartbeat_is_silent_before_the_threshold_then_names_the_target_its_elapsed_time_and_its_tool()
    {
        var heartbeat = new Heartbeat(Host(), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(20), clock);
        using var tracked = heartbeat.Track("UnitTest", new TargetResult("UnitTest") { RunningCommand = UnitTests });

        clock.Advance(TimeSpan.FromSeconds(19));
        heartbeat.Beat();
        Assert.Equal(string.Empty, output.ToString());

        clock.Advance(TimeSpan.FromSeconds(1));
        heartbeat.Beat();
        Assert.Equal(["UnitTest 0:20 - dotnet test Kiln.UnitTests"], Lines());
    }

    [Fact]
    public void Heartbeat_repeats_once_per_interval_however_often_it_looks()
    {
        var heartbeat = new Heartbeat(Host(), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(20), clock);
        using var tracked = heartbeat.Track("UnitTest", new TargetResult("UnitTest"));

        foreach (var _ in Enumerable.Range(0, 45))
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            heartbeat.Beat();
        }

        Assert.Equal(["UnitTest 0:20", "UnitTest 0:40"], Lines());
    }

    [Fact]
    public void Heartbeat_forgets_a_target_that_ended()
    {
        var heartbeat = new Heartbeat(Host(), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(20), clock);
        heartbeat.Track("UnitTest", new TargetResult("UnitTest")).Dispose();

        clock.Advance(TimeSpan.FromMinutes(1));
        heartbeat.Beat();

        Assert.Equal(string.Empty, output.ToString());
    }

    [Fact]
    public void Heartbeat_is_silent_with_verbosity_quiet()
    {
        var host = Host();
        host.Verbosity = Verbosity.Quiet;
        var heartbeat = new Heartbeat(host, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(20), clock);
        using var tracked = heartbeat.Track("UnitTest", new TargetResult("UnitTest") { RunningCommand = UnitTests });

        clock.Advance(TimeSpan.FromMinutes(1));
        heartbeat.Beat();

        Assert.Equal(string.Empty, output.ToString());
    }

    [Fact]
    public void Heartbeat_writes_plain_lines_on_github_actions()
    {
        var heartbeat = new Heartbeat(new GitHubActionsHost(output, new SecretMasker(), "/repo", stepSummaryPath: null), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(20), clock);
        using var tracked = heartbeat.Track("UnitTest", new TargetResult("UnitTest") { RunningCommand = UnitTests });

        clock.Advance(TimeSpan.FromSeconds(40));
        heartbeat.Beat();

        Assert.Equal(["UnitTest 0:40 - dotnet test Kiln.UnitTests"], Lines());
    }

    [Fact]
    public void Heartbeat_says_how_many_tests_ran_of_about_how_many_an_earlier_run_counted()
    {
        var heartbeat = new Heartbeat(Host(), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(20), clock);
        var progress = new Kiln.Testing.TestProgress(expected: 1071);
        using var tracked = heartbeat.Track("UnitTest", new TargetResult("UnitTest") { RunningCommand = UnitTests with { Progress = progress } });
        foreach (var _ in Enumerable.Range(0, 312))
        {
            progress.Observe("  Passed A.Test [1 ms]");
        }

        clock.Advance(TimeSpan.FromSeconds(40));
        heartbeat.Beat();

        Assert.Equal(["UnitTest 0:40 - dotnet test Kiln.UnitTests (running 312 of about 1071)"], Lines());
    }

    [Fact]
    public void Heartbeat_says_how_many_tests_ran_when_no_total_is_known()
    {
        var heartbeat = new Heartbeat(Host(), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(20), clock);
        var progress = new Kiln.Testing.TestProgress(expected: null);
        using var tracked = heartbeat.Track("UnitTest", new TargetResult("UnitTest") { RunningCommand = UnitTests with { Progress = progress } });
        progress.Observe("  Passed A.Test [1 ms]");
        progress.Observe("  Failed A.Other [1 ms]");

        clock.Advance(TimeSpan.FromSeconds(20));
        heartbeat.Beat();

        Assert.Equal(["UnitTest 0:20 - dotnet test Kiln.UnitTests (2 done)"], Lines());
    }

    [Fact]
    public void Heartbeat_on_a_terminal_redraws_one_status_line_with_every_running_target_instead_of_writing_lines()
    {
        var host = new ConsoleHost(output, new SecretMasker(), useColors: false, isTerminal: true, showStatus: true, width: () => 200);
        var heartbeat = new Heartbeat(host, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(20), clock);
        using var unitTest = heartbeat.Track("UnitTest", new TargetResult("UnitTest") { RunningCommand = UnitTests });
        clock.Advance(TimeSpan.FromSeconds(2));
        using var pack = heartbeat.Track("Pack", new TargetResult("Pack"));

        clock.Advance(TimeSpan.FromSeconds(1));
        heartbeat.Beat();
        host.Write(LogLevel.Information, "a line from a tool");
        clock.Advance(TimeSpan.FromSeconds(1));
        heartbeat.Beat();

        const string Erase = "\r\u001b[2K";
        Assert.Equal(
            "UnitTest 0:03 - dotnet test Kiln.UnitTests | Pack 0:01" + Erase + "a line from a tool" + Environment.NewLine
            + "UnitTest 0:03 - dotnet test Kiln.UnitTests | Pack 0:01" + Erase + "UnitTest 0:04 - dotnet test Kiln.UnitTests | Pack 0:02",
            output.ToString());
    }

    [Fact]
    public async Task Heartbeat_clears_the_status_line_when_the_build_ends()
    {
        var host = new ConsoleHost(output, new SecretMasker(), useColors: false, isTerminal: true, showStatus: true, width: () => 200);
        using var delays = new ReleasedDelays();
        var heartbeat = new Heartbeat(host, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(20), clock, delays.WaitAsync);
        using var tracked = heartbeat.Track("UnitTest", new TargetResult("UnitTest"));
        using var stop = new CancellationTokenSource();
        var beating = heartbeat.RunAsync(stop.Token);

        clock.Advance(TimeSpan.FromSeconds(5));
        await delays.ReleaseAndWaitForTheNextAsync();
        await stop.CancelAsync();
        await beating;

        Assert.Equal("UnitTest 0:05\r\u001b[2K", output.ToString());
    }

    [Theory]
    [InlineData("dotnet test --project /r/tests/A.Tests/A.Tests.csproj --report-trx", "dotnet test A.Tests")]
    [InlineData("dotnet reportgenerator -reports:/r/a.xml -targetdir:/r/out", "dotnet reportgenerator")]
    [InlineData("git status --porcelain", "git status")]
    [InlineData("/usr/bin/npm ci", "npm ci")]
    public void Heartbeat_names_a_tool_by_its_program_and_first_words(string commandLine, string expected)
    {
        var words = commandLine.Split(' ');

        Assert.Equal(expected, Heartbeat.Describe(new ToolCommand(words[0], words[1..])));
    }

    [Theory]
    [InlineData(40, "0:40")]
    [InlineData(725, "12:05")]
    [InlineData(3725, "1:02:05")]
    public void Heartbeat_shows_elapsed_time_as_minutes_and_seconds(int seconds, string expected) =>
        Assert.Equal(expected, Heartbeat.Format(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public async Task Executor_beats_for_a_long_target_while_it_runs_with_the_tool_it_runs()
    {
        var host = Host();
        using var delays = new ReleasedDelays();
        var heartbeat = new Heartbeat(host, TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(20), clock, delays.WaitAsync);
        var build = new LongBuild(async () =>
        {
            BuildContext.CurrentTarget!.RunningCommand = UnitTests;
            clock.Advance(TimeSpan.FromMilliseconds(25));
            await delays.ReleaseAndWaitForTheNextAsync();
        });
        BuildContext.Current = new BuildContext(host, CancellationToken.None);
        var plan = Planner.Plan(TargetGraph.Create(build), ["UnitTest"], null);

        var summary = await new Executor(host, heartbeat: heartbeat).RunAsync(plan, CancellationToken.None);

        Assert.Equal(0, summary.ExitCode);
        Assert.Contains("UnitTest 0:00 - dotnet test Kiln.UnitTests", Lines());
    }

    private ConsoleHost Host() => new(output, new SecretMasker(), useColors: false);

    private List<string> Lines() =>
        [.. output.ToString().ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries)];

    private sealed class FakeClock : TimeProvider
    {
        private long ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Read(ref ticks);

        public void Advance(TimeSpan span) => Interlocked.Add(ref ticks, span.Ticks);
    }

    /// <summary>The heartbeat's waits, each of which ends when the test says; the next wait starting means the beat in between is done.</summary>
    private sealed class ReleasedDelays : IDisposable
    {
        private readonly SemaphoreSlim released = new(0);
        private readonly SemaphoreSlim waiting = new(0);

        public async Task WaitAsync(TimeSpan span, CancellationToken cancellationToken)
        {
            waiting.Release();
            await released.WaitAsync(cancellationToken);
        }

        public async Task ReleaseAndWaitForTheNextAsync()
        {
            await waiting.WaitAsync();
            released.Release();
            await waiting.WaitAsync();
        }

        public void Dispose()
        {
            released.Dispose();
            waiting.Dispose();
        }
    }

    private sealed class LongBuild(Func<Task> work) : KilnBuild
    {
        public Target UnitTest => _ => _.Executes(work);
    }
}
