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
    /// Records --help, --plan and --generate-workflows, each under its own profile so that none loads in advance what
    /// another loaded. A run of targets records nothing: its start is a small part of it, and a profile keeps what it
    /// once held (see <see cref="StopRecording"/>), so runs of different targets would replay everything any of them
    /// ever loaded.
    /// </summary>
    public static void Start(List<string> arguments)
    {
        if (Kind(arguments) is { } kind)
        {
            ProfileOptimization.SetProfileRoot(AppContext.BaseDirectory);
            ProfileOptimization.StartProfile($"kiln-{kind}.jitprofile");
        }
    }

    /// <summary>
    /// Stops recording before work the next start of this kind will not do (writing the schema or the workflows after
    /// the build changed). What a profile holds is loaded again at each replay and so recorded again: without this, one
    /// start that wrote the schema would have every later --help load the JSON library on the other core.
    /// </summary>
    public static void StopRecording() => ProfileOptimization.StartProfile(null);

    private static string? Kind(List<string> arguments) =>
        arguments.Exists(argument => argument is "--help" or "-h" or "-?" or "/?") ? "help"
        : arguments.Contains("--plan") ? "plan"
        : arguments.Contains("--generate-workflows") ? "workflows"
        : null;
}
