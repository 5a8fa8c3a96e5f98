using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Kiln.Scanning.Secrets;

/// <summary>
/// Runs git for the scanner, in the manner of Kiln.Versioning's GitProcess: arguments as a list, fixed options so user
/// configuration cannot change what git prints, no prompts, and the process killed on cancellation. Standard output is
/// handed to a reader as a stream. Not through <see cref="Tooling.ProcessRunner"/>: that masks the build's known secrets
/// in tool output, which would hide from the scanner exactly the committed secrets it must find, and keeps every line
/// in memory.
/// </summary>
internal static class GitCommand
{
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

    /// <summary>Runs git and returns its standard output; null when git exits with anything but 0.</summary>
    public static async Task<string?> TryReadAsync(AbsolutePath directory, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var (output, exitCode, _) = await RunAsync(directory, arguments, reader => reader.ReadToEnd(), cancellationToken).ConfigureAwait(false);
        return exitCode == 0 ? output : null;
    }

    /// <summary>Runs git, hands its standard output to <paramref name="read"/> as it arrives, and returns what that returned.</summary>
    /// <exception cref="KilnException">git could not start or failed; the message names the command, the folder, the exit code and git's error.</exception>
    public static async Task<T> ReadAsync<T>(AbsolutePath directory, IReadOnlyList<string> arguments, Func<TextReader, T> read, CancellationToken cancellationToken)
    {
        var (output, exitCode, error) = await RunAsync(directory, arguments, read, cancellationToken).ConfigureAwait(false);
        if (exitCode != 0)
        {
            var reason = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "no message";
            var hint = reason.Contains("not a git repository", StringComparison.OrdinalIgnoreCase)
                ? " Scan the top folder of a git work tree."
                : string.Empty;
            throw new KilnException($"'{CommandLine(arguments)}' in {directory} exited with code {exitCode}: {reason}.{hint}");
        }

        return output;
    }

    private static async Task<(T Output, int ExitCode, string Error)> RunAsync<T>(
        AbsolutePath directory, IReadOnlyList<string> arguments, Func<TextReader, T> read, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
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
            throw new KilnException($"Could not start '{CommandLine(arguments)}' in {directory}: {exception.Message}. Is git installed and on PATH?", exception);
        }

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
