using System.Diagnostics;
using Kiln.IntegrationTests;

namespace Kiln.SystemTests;

/// <summary>
/// A tool the system tests run in a scratch folder (git, dotnet), as a developer's shell would: no CI host or KILN_
/// variables from the tests' own environment, no colours. Killed, with its whole tree, when it runs past its limit.
/// </summary>
internal static class ScratchProcess
{
    /// <summary>Runs the tool to the end and returns its exit code and what it printed on each stream.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        string fileName, string directory, IEnumerable<string> arguments, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A hook git runs (the pre-commit secret scan) is a build: it must see a developer's environment, not the CI
        // host the tests themselves may run under.
        foreach (var name in start.Environment.Keys.Where(BuildProcess.IsRemoved).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["NO_COLOR"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} in {directory} did not finish within {timeout} and was killed.");
        }

        return (process.ExitCode, await output, await error);
    }
}
