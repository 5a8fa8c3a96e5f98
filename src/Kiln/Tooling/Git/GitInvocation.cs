using System.Diagnostics;
using System.Text;

namespace Kiln.Tooling.Git;

/// <summary>
/// Runs one git command the way every part of Kiln that reads git needs it: arguments as a list, fixed options so user
/// configuration cannot change what git prints, a fixed locale, no prompts, no optional locks, standard output handed
/// to a reader as it arrives, and the process tree killed on cancellation. <c>[GitRepository]</c> reads the repository
/// with it, and packages that read git (the secret scanner) use it too, wrapping failures in their own exception type.
/// </summary>
public static class GitInvocation
{
    /// <summary>Options put before every command so that user configuration cannot change what git prints.</summary>
    private static readonly string[] FixedOptions =
    [
        "-c", "core.quotepath=off",
        "-c", "color.ui=never",
        "-c", "diff.noprefix=false",
        "-c", "diff.mnemonicPrefix=false",
        "-c", "diff.external=",
        "-c", "log.showSignature=false",
        "-c", "i18n.logOutputEncoding=UTF-8",
    ];

    /// <summary>
    /// Runs git in <paramref name="workingDirectory"/>, hands its standard output to <paramref name="read"/> and returns
    /// what that returned with git's exit code and standard error, whatever the exit code.
    /// </summary>
    /// <exception cref="System.ComponentModel.Win32Exception">git could not be started.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; git was killed.</exception>
    public static async Task<(T Output, int ExitCode, string Error)> RunAsync<T>(
        string workingDirectory, IReadOnlyList<string> arguments, Func<TextReader, T> read, CancellationToken cancellationToken)
    {
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
        process.Start();
        process.StandardInput.Close();
        T output;
        string error;
        using (cancellationToken.Register(() => Kill(process)))
        {
            var readingErrors = process.StandardError.ReadToEndAsync(CancellationToken.None);
            var reading = Task.Run(() => read(process.StandardOutput), CancellationToken.None);
            try
            {
                output = await reading.ConfigureAwait(false);
            }
            catch
            {
                // A reader that failed must not leave git blocked on a full pipe.
                Kill(process);
                throw;
            }

            error = await readingErrors.ConfigureAwait(false);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return (output, process.ExitCode, error);
    }

    /// <summary>The command as a user would type it, for messages.</summary>
    public static string CommandLine(IEnumerable<string> arguments) =>
        string.Join(' ', arguments.Prepend("git").Select(argument => argument.Length > 0 && !argument.Any(char.IsWhiteSpace) ? argument : $"\"{argument}\""));

    /// <summary>The first non-empty line of git's standard error, if any.</summary>
    public static string? FirstLine(string error) =>
        error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();

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
