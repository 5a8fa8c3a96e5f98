using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Kiln.Versioning.Git;

/// <summary>
/// Runs one git command and captures its output: arguments as a list, a fixed locale, no prompts, no optional
/// locks, output that does not depend on the user's git configuration, and the process killed on cancellation.
/// </summary>
internal static class GitProcess
{
    /// <summary>Options put before every command so that user configuration cannot change what git prints.</summary>
    private static readonly string[] FixedOptions =
    [
        "-c", "core.quotepath=off",
        "-c", "color.ui=never",
        "-c", "log.showSignature=false",
        "-c", "i18n.logOutputEncoding=UTF-8",
    ];

    /// <summary>Runs git in <paramref name="workingDirectory"/> and returns how it ended, whatever its exit code.</summary>
    /// <exception cref="VersioningException">git could not be started.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; git was killed.</exception>
    public static async Task<GitOutput> RunAsync(string workingDirectory, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var commandLine = CommandLine(arguments);
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in FixedOptions.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["LC_ALL"] = "C";
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["GIT_OPTIONAL_LOCKS"] = "0";
        start.Environment["GIT_PAGER"] = "cat";

        cancellationToken.ThrowIfCancellationRequested();
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            throw new VersioningException($"Could not start '{commandLine}' in {workingDirectory}: {exception.Message}. Is git installed and on PATH?", exception);
        }

        process.StandardInput.Close();
        string output;
        string error;
        using (cancellationToken.Register(() => Kill(process)))
        {
            var reading = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var readingErrors = process.StandardError.ReadToEndAsync(CancellationToken.None);
            output = await reading.ConfigureAwait(false);
            error = await readingErrors.ConfigureAwait(false);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return new GitOutput(commandLine, workingDirectory, process.ExitCode, output, error);
    }

    /// <summary>Runs git and returns its standard output; throws a <see cref="VersioningException"/> unless it exits with 0.</summary>
    public static async Task<string> ReadAsync(string workingDirectory, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        (await RunAsync(workingDirectory, arguments, cancellationToken).ConfigureAwait(false)).EnsureSuccess();

    private static string CommandLine(IEnumerable<string> arguments) =>
        string.Join(' ', arguments.Prepend("git").Select(argument => argument.Length > 0 && !argument.Any(char.IsWhiteSpace) ? argument : $"\"{argument}\""));

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }
}
