using System.Diagnostics;
using Kiln.IntegrationTests;

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
    public static async Task<(int ExitCode, string Output, string Error)> TryRunAsync(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var setting in Settings)
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(setting);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A hook git runs (the pre-commit secret scan) is a build: it must see a developer's environment, not the CI
        // host the tests themselves may run under (the rehearsal sets GITHUB_ACTIONS).
        foreach (var name in start.Environment.Keys.Where(BuildProcess.IsRemoved).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("git did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} in {directory} did not finish within a minute and was killed.");
        }

        return (process.ExitCode, await output, await error);
    }
}
