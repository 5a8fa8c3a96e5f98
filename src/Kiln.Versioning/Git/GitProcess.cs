using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Kiln.Versioning.Git;

/// <summary>
/// Runs one git command and captures its output, with Kiln.Versioning's exceptions. The package stands alone, without
/// the engine, so it starts git itself: configuration that would change what git prints is overridden on the command
/// line, the locale is fixed, git never prompts nor takes optional locks, and cancellation kills the process tree.
/// </summary>
internal static class GitProcess
{
    /// <summary>Settings passed as <c>-c key=value</c>, whatever the user's or the repository's configuration says.</summary>
    private static readonly KeyValuePair<string, string>[] Overrides =
    [
        new("core.quotepath", "off"),
        new("color.ui", "never"),
        new("diff.noprefix", "false"),
        new("diff.mnemonicPrefix", "false"),
        new("diff.external", string.Empty),
        new("log.showSignature", "false"),
        new("i18n.logOutputEncoding", "UTF-8"),
    ];

    private static readonly KeyValuePair<string, string>[] Environment =
    [
        new("LC_ALL", "C"),
        new("GIT_TERMINAL_PROMPT", "0"),
        new("GIT_OPTIONAL_LOCKS", "0"),
        new("GIT_PAGER", "cat"),
    ];

    /// <summary>Runs git in <paramref name="workingDirectory"/> and returns how it ended, whatever its exit code.</summary>
    /// <exception cref="VersioningException">git could not be started.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; git was killed.</exception>
    public static async Task<GitOutput> RunAsync(string workingDirectory, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var commandLine = string.Join(' ', arguments.Prepend("git").Select(Quote));
        cancellationToken.ThrowIfCancellationRequested();
        using var git = new Process { StartInfo = StartInfo(workingDirectory, arguments) };
        try
        {
            git.Start();
        }
        catch (Win32Exception exception)
        {
            throw new VersioningException($"Could not start '{commandLine}' in {workingDirectory}: {exception.Message}. Is git installed and on PATH?", exception);
        }

        git.StandardInput.Close();
        string output;
        string error;
        using (cancellationToken.Register(() => KillTree(git)))
        {
            // Both pipes at once, so that git never blocks on a full one.
            var readingOutput = git.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var readingError = git.StandardError.ReadToEndAsync(CancellationToken.None);
            await git.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            output = await readingOutput.ConfigureAwait(false);
            error = await readingError.ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return new GitOutput(commandLine, workingDirectory, git.ExitCode, output, error);
    }

    /// <summary>Runs git and returns its standard output; throws a <see cref="VersioningException"/> unless it exits with 0.</summary>
    public static async Task<string> ReadAsync(string workingDirectory, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        (await RunAsync(workingDirectory, arguments, cancellationToken).ConfigureAwait(false)).EnsureSuccess();

    private static ProcessStartInfo StartInfo(string workingDirectory, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var (key, value) in Overrides)
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add($"{key}={value}");
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in Environment)
        {
            start.Environment[name] = value;
        }

        return start;
    }

    private static string Quote(string argument) =>
        argument.Length > 0 && !argument.Any(char.IsWhiteSpace) ? argument : $"\"{argument}\"";

    private static void KillTree(Process git)
    {
        try
        {
            git.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It had exited.
        }
    }
}
