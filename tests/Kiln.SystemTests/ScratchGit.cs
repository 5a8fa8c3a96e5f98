namespace Kiln.SystemTests;

/// <summary>
/// git in the system tests' scratch repositories, with a fixed identity on the command line: no global configuration
/// is read for it or written. Killed after a minute.
/// </summary>
internal static class ScratchGit
{
    private static readonly string[] Settings = ["user.name=Kiln System Tests", "user.email=system-tests@kiln.invalid", "commit.gpgsign=false", "init.defaultBranch=main"];

    /// <summary>Runs git in the directory and returns its standard output; throws with its error output when it fails.</summary>
    public static async Task<string> RunAsync(string directory, params string[] arguments)
    {
        var (exitCode, output, error) = await TryRunAsync(directory, arguments);
        return exitCode == 0
            ? output
            : throw new InvalidOperationException($"git {string.Join(' ', arguments)} in {directory} exited with code {exitCode}: {error}{output}");
    }

    /// <summary>Runs git in the directory and returns its exit code and what it printed, whether it failed or not.</summary>
    public static Task<(int ExitCode, string Output, string Error)> TryRunAsync(string directory, params string[] arguments) =>
        ScratchProcess.RunAsync("git", directory, [.. Settings.SelectMany(setting => new[] { "-c", setting }), .. arguments], TimeSpan.FromMinutes(1));
}
