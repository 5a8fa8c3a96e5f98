using System.Runtime;

namespace Kiln.Execution;

/// <summary>
/// Multicore JIT for the engine's start: the runtime records what a start compiles and loads, beside the compiled
/// build, and replays it on another core at the next start of the same kind while the engine's thread goes on
/// (bench/README.md, start-up). build.sh has it record only while no profile of the kind exists, the first start after
/// a compile, and otherwise only replay.
/// </summary>
internal static class StartupProfile
{
    private const string NoProfileGather = "DOTNET_MultiCoreJitNoProfileGather";

    /// <summary>The profile this start records, while it records one.</summary>
    private static string? recording;

    /// <summary>
    /// Records --help, --plan, --generate-workflows and runs of targets, each kind under its own profile so that none
    /// loads in advance what another loaded. A run records its start only, up to its first target (<see cref="StopRecording"/>):
    /// what targets load differs from run to run, and a profile replays everything it holds.
    /// </summary>
    public static void Start(List<string> arguments)
    {
        var file = $"kiln-{Kind(arguments)}.jitprofile";
        ProfileOptimization.SetProfileRoot(AppContext.BaseDirectory);
        ProfileOptimization.StartProfile(file);
        recording = IsGatheringOff() ? null : Path.Combine(AppContext.BaseDirectory, file);

        // The setting is this process's alone: the tools and builds a run starts record their own profiles.
        Environment.SetEnvironmentVariable(NoProfileGather, null);
    }

    /// <summary>
    /// Stops recording: before work the next start of this kind may not do (writing the schema or the workflows after
    /// the build changed), or where every start of the kind ends what it shares with the others (a run's first target).
    /// What a profile holds is loaded again at each replay and so recorded again: without this, one start that wrote
    /// the schema would have every later --help load the JSON library on the other core.
    /// </summary>
    /// <param name="everyStartStopsHere">
    /// Whether every start of this kind stops here (a run's first target; the schema and workflows on a CI server,
    /// which checks them at every start; --generate-workflows): the profile is kept. Otherwise it holds this start
    /// only up to a point the next start passes, and build.sh has the runtime record only while no profile exists
    /// (<see cref="IsGatheringOff"/>), so it is deleted: the next start of this kind records a whole one.
    /// </param>
    public static void StopRecording(bool everyStartStopsHere)
    {
        ProfileOptimization.StartProfile(null);
        if (recording is { } written)
        {
            recording = null;
            if (!everyStartStopsHere)
            {
                File.Delete(written);
            }
        }
    }

    /// <summary>
    /// Whether the runtime only replays the profile and records none (DOTNET_MultiCoreJitNoProfileGather set, as
    /// build.sh sets it when the profile exists): recording costs about 3 ms as the process ends.
    /// </summary>
    private static bool IsGatheringOff() =>
        Environment.GetEnvironmentVariable(NoProfileGather) is { Length: > 0 } value && value.Trim().TrimStart('0').Length > 0;

    private static string Kind(List<string> arguments) =>
        arguments.Exists(argument => argument is "--help" or "-h" or "-?" or "/?") ? "help"
        : arguments.Contains("--plan") ? "plan"
        : arguments.Contains("--generate-workflows") ? "workflows"
        : "run";
}
