using System.ComponentModel;
using Kiln.Tooling.Git;

namespace Kiln.Scanning.Secrets;

/// <summary>
/// Runs git for the scanner through <see cref="GitInvocation"/>, with the engine's exceptions. Standard output is
/// handed to a reader as a stream. Not through <see cref="Tooling.ProcessRunner"/>: that masks the build's known secrets
/// in tool output, which would hide from the scanner exactly the committed secrets it must find, and keeps every line
/// in memory.
/// </summary>
internal static class GitCommand
{
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
            var reason = GitInvocation.FirstLine(error) ?? "no message";
            var hint = reason.Contains("not a git repository", StringComparison.OrdinalIgnoreCase)
                ? " Scan the top folder of a git work tree."
                : string.Empty;
            throw new KilnException($"'{GitInvocation.CommandLine(arguments)}' in {directory} exited with code {exitCode}: {reason}.{hint}");
        }

        return output;
    }

    private static async Task<(T Output, int ExitCode, string Error)> RunAsync<T>(
        AbsolutePath directory, IReadOnlyList<string> arguments, Func<TextReader, T> read, CancellationToken cancellationToken)
    {
        try
        {
            return await GitInvocation.RunAsync(directory, arguments, read, cancellationToken).ConfigureAwait(false);
        }
        catch (Win32Exception exception)
        {
            throw new KilnException($"Could not start '{GitInvocation.CommandLine(arguments)}' in {directory}: {exception.Message}. Is git installed and on PATH?", exception);
        }
    }
}
