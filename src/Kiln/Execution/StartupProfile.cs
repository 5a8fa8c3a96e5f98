using System.Runtime;

namespace Kiln.Execution;

/// <summary>
/// Multicore JIT for the engine's start: the runtime records what a start compiles and loads, beside the compiled
/// build, and replays it on another core at the next start of the same kind while the engine's thread goes on
/// (bench/README.md, start-up).
/// </summary>
internal static class StartupProfile
{
    /// <summary>
    /// Records this start under its kind: --help, --plan and --generate-workflows keep their own profiles, so that they
    /// never load in advance what a run of targets loaded.
    /// </summary>
    public static void Start(List<string> arguments)
    {
        ProfileOptimization.SetProfileRoot(AppContext.BaseDirectory);
        ProfileOptimization.StartProfile($"kiln-{Kind(arguments)}.jitprofile");
    }

    /// <summary>
    /// Stops recording before work the next start of this kind will not do (writing the schema or the workflows after
    /// the build changed). What a profile holds is loaded again at each replay and so recorded again: without this, one
    /// start that wrote the schema would have every later --help load the JSON library on the other core.
    /// </summary>
    public static void StopRecording() => ProfileOptimization.StartProfile(null);

    private static string Kind(List<string> arguments) =>
        arguments.Exists(argument => argument is "--help" or "-h" or "-?" or "/?") ? "help"
        : arguments.Contains("--plan") ? "plan"
        : arguments.Contains("--generate-workflows") ? "workflows"
        : "run";
}
