using Kiln.Scanning.Secrets;

namespace Kiln.Scanning;

/// <summary>
/// The git pre-commit hook that runs the secret scan on the staged changes: installed into the repository's hooks
/// folder (<c>git rev-parse --git-path hooks</c>, so <c>core.hooksPath</c> and work trees are honoured), never over a
/// hook that is not Kiln's.
/// </summary>
public static class PreCommitHook
{
    /// <summary>The line that marks a hook as Kiln's, so that installing again replaces it.</summary>
    internal const string Marker = "# kiln: pre-commit secret scan";

    /// <summary>The hook's script: git runs it from the top of the work tree.</summary>
    /// <param name="target">The build's target that scans the staged changes.</param>
    public static string Script(string target) => $"""
        #!/bin/sh
        {Marker}. Installed by ./build.sh InstallHooks; reinstall it the same way.
        # Stops a commit whose staged changes hold a credential. A false positive goes into .nuke/secrets-allowlist.json.
        exec ./build.sh {target} --verbosity minimal

        """;

    /// <summary>Installs the hook and returns its path; replaces an earlier Kiln hook.</summary>
    /// <param name="root">The top folder of the work tree.</param>
    /// <param name="target">The build's target that scans the staged changes.</param>
    /// <param name="cancellationToken">Stops git.</param>
    /// <exception cref="KilnException">Not a git work tree, or a pre-commit hook that is not Kiln's is in the way.</exception>
    public static async Task<AbsolutePath> InstallAsync(AbsolutePath root, string target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(root);
        var hooks = await GitCommand.ReadAsync(root, ["rev-parse", "--git-path", "hooks"], reader => reader.ReadToEnd().Trim(), cancellationToken).ConfigureAwait(false);
        var hook = AbsolutePath.Create(Path.GetFullPath(hooks, root)) / "pre-commit";
        if (File.Exists(hook) && !(await File.ReadAllTextAsync(hook, cancellationToken).ConfigureAwait(false)).Contains(Marker, StringComparison.Ordinal))
        {
            throw new KilnException($"{hook} is a pre-commit hook that is not Kiln's: add the line './build.sh {target}' to it, or move it away and run ./build.sh InstallHooks again.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(hook)!);
        await File.WriteAllTextAsync(hook, Script(target), cancellationToken).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(hook, File.GetUnixFileMode(hook) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        return hook;
    }
}
