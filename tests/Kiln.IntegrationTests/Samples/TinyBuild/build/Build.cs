using Kiln;
using Kiln.Components;
using Kiln.Tooling;

/// <summary>
/// The integration tests' sample: one target per behaviour they check. Every action prints
/// "&lt;Target&gt; ran." so a test can tell which actions ran. Report (IReport) turns its run history into a page.
/// </summary>
class Build : KilnBuild, IReport
{
    public static int Main() => Environment.GetEnvironmentVariable("TINY_BUILD") == "components" ? ComponentsBuild.Run() : Execute<Build>(x => x.Hello);

    [Parameter("What Hello greets with.")]
    readonly Flavor Flavor = Flavor.Vanilla;

    [Parameter("The key Publish needs."), Secret]
    readonly string? ApiKey;

    Target Hello => _ => _
        .Description("Prints a greeting.")
        .Executes(() => Log.Information($"Hello ran: {Flavor} greetings from TinyBuild."));

    Target Independent => _ => _
        .Executes(() => Log.Information("Independent ran."));

    Target Fail => _ => _
        .Executes(Break);

    Target AfterFail => _ => _
        .DependsOn(Fail)
        .Executes(() => Log.Information("AfterFail ran."));

    Target CycleA => _ => _
        .DependsOn(CycleB)
        .Executes(() => Log.Information("CycleA ran."));

    Target CycleB => _ => _
        .DependsOn(CycleA)
        .Executes(() => Log.Information("CycleB ran."));

    Target Publish => _ => _
        .Requires(() => ApiKey)
        .Executes(async () =>
        {
            Log.Information($"Publish ran with key {ApiKey}.");
            // The tool gets the key through its environment and prints it; the runner masks it.
            await ProcessRunner.RunAsync(new ToolCommand("sh", ["-c", "echo \"tool saw key $KEY\""])
            {
                Environment = new Dictionary<string, string?> { ["KEY"] = ApiKey },
            });
        });

    // What a tool's environment holds of the setting build.sh gives the engine's process alone.
    Target ToolEnvironment => _ => _
        .Executes(() => ProcessRunner.RunAsync(new ToolCommand("sh", ["-c", "echo \"tool sees gathering setting [${DOTNET_MultiCoreJitNoProfileGather:-}]\""])));

    Target SkipBase => _ => _
        .Executes(() => Log.Information("SkipBase ran."));

    Target SkipMiddle => _ => _
        .DependsOn(SkipBase)
        .Executes(() => Log.Information("SkipMiddle ran."));

    Target SkipTop => _ => _
        .DependsOn(SkipMiddle)
        .Executes(() => Log.Information("SkipTop ran."));

    Target Long => _ => _
        .Before(Hello)
        .Executes(async cancellation =>
        {
            Log.Information("Long ran: starting a child that sleeps.");
            // The shell prints its pid, then becomes sleep under that pid, so the tests can watch the child.
            await ProcessRunner.RunAsync(new ToolCommand("sh", ["-c", "echo \"child pid $$\"; exec sleep 300"]), cancellation);
        });

    // Sleeper and FailBesideSleeper have no relation, so they run at the same time; the failure must kill Sleeper's child.
    Target Sleeper => _ => _
        .Executes(async cancellation =>
        {
            Log.Information("Sleeper ran: starting a child that sleeps.");
            try
            {
                await ProcessRunner.RunAsync(new ToolCommand("sh", ["-c", "echo $$ > \"$PID_FILE\"; echo \"child pid $$\"; exec sleep 300"])
                {
                    Environment = new Dictionary<string, string?> { ["PID_FILE"] = SleeperPidFile },
                }, cancellation);
            }
            finally
            {
                File.Delete(SleeperPidFile);
            }
        });

    Target FailBesideSleeper => _ => _
        .Executes(async () =>
        {
            // Fail only once Sleeper's child is asleep, so that the failure finds it running.
            for (var attempt = 0; attempt < 1200 && !File.Exists(SleeperPidFile); attempt++)
            {
                await Task.Delay(100);
            }

            throw new InvalidOperationException("FailBesideSleeper broke on purpose.");
        });

    // Named for this build process: a file left by an earlier run of the sample must not let FailBesideSleeper fail
    // before this run's Sleeper has started its child.
    static string SleeperPidFile => TemporaryDirectory / $"sleeper-{Environment.ProcessId}.pid";

    // Ignores cancellation (a blocking call with no token): only a second Ctrl-C ends a run of it.
    Target Stubborn => _ => _
        .Before(Hello)
        .Executes(() =>
        {
            Log.Information("Stubborn ran: blocking, deaf to Ctrl-C.");
            Thread.Sleep(TimeSpan.FromMinutes(5));
        });

    Target Cleanup => _ => _
        .TriggeredBy(Fail, Long)
        .AssuredAfterFailure()
        .Executes(() => Log.Information("Cleanup ran."));

    static void Break() => throw new InvalidOperationException("Fail broke on purpose.");
}
