using System.ComponentModel;
using Kiln.Tooling.Git;

namespace Kiln.Versioning.Git;

/// <summary>
/// Runs one git command through <see cref="GitInvocation"/> and captures its output, with Kiln.Versioning's exceptions.
/// </summary>
internal static class GitProcess
{
    /// <summary>Runs git in <paramref name="workingDirectory"/> and returns how it ended, whatever its exit code.</summary>
    /// <exception cref="VersioningException">git could not be started.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; git was killed.</exception>
    public static async Task<GitOutput> RunAsync(string workingDirectory, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var commandLine = GitInvocation.CommandLine(arguments);
        try
        {
            var (output, exitCode, error) = await GitInvocation.RunAsync(workingDirectory, arguments, reader => reader.ReadToEnd(), cancellationToken).ConfigureAwait(false);
            return new GitOutput(commandLine, workingDirectory, exitCode, output, error);
        }
        catch (Win32Exception exception)
        {
            throw new VersioningException($"Could not start '{commandLine}' in {workingDirectory}: {exception.Message}. Is git installed and on PATH?", exception);
        }
    }

    /// <summary>Runs git and returns its standard output; throws a <see cref="VersioningException"/> unless it exits with 0.</summary>
    public static async Task<string> ReadAsync(string workingDirectory, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        (await RunAsync(workingDirectory, arguments, cancellationToken).ConfigureAwait(false)).EnsureSuccess();
}
