using System.Diagnostics;
using System.Globalization;

namespace Kiln.IntegrationTests.Versioning;

/// <summary>
/// A git repository in a temporary folder, built command by command with real git. Every command runs on a fixed
/// clock that moves one minute per command (author and committer dates), as a fixed user, with no user or system git
/// configuration, so a history has the same dates on every run. Only the reads the helpers make for themselves
/// (rev-parse HEAD, git add) leave the clock alone. The folder is deleted on dispose.
/// </summary>
public sealed class ScratchRepository : IDisposable
{
    /// <summary>The first command runs at 2023-11-14T22:14:20Z plus one minute.</summary>
    private const long StartSeconds = 1_700_000_000;

    /// <summary>No user or system git configuration, a fixed user, no prompts, C locale.</summary>
    private static readonly Dictionary<string, string> Environment = new()
    {
        ["GIT_CONFIG_NOSYSTEM"] = "1",
        ["GIT_CONFIG_GLOBAL"] = OperatingSystem.IsWindows() ? "NUL" : "/dev/null",
        ["GIT_AUTHOR_NAME"] = "Scratch",
        ["GIT_AUTHOR_EMAIL"] = "scratch@example.org",
        ["GIT_COMMITTER_NAME"] = "Scratch",
        ["GIT_COMMITTER_EMAIL"] = "scratch@example.org",
        ["GIT_TERMINAL_PROMPT"] = "0",
        ["LC_ALL"] = "C",
    };

    private long clock = StartSeconds;

    /// <summary>Creates an empty folder (not a repository yet: see <see cref="InitAsync"/>).</summary>
    public ScratchRepository()
    {
        Folder = Path.Combine(Path.GetTempPath(), "kiln-git-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Folder);
    }

    /// <summary>The repository's top folder.</summary>
    public string Folder { get; }

    /// <summary>The date the last command ran at (the author and committer date of the last commit made).</summary>
    public DateTimeOffset Now => DateTimeOffset.FromUnixTimeSeconds(clock);

    /// <summary>A new repository whose first branch is <paramref name="branch"/>.</summary>
    public static async Task<ScratchRepository> InitAsync(string branch = "main")
    {
        var repository = new ScratchRepository();
        await repository.GitAsync("init", "-q", "-b", branch);
        return repository;
    }

    /// <summary>
    /// Runs any git command line in the repository one minute after the previous command and returns its standard
    /// output without its trailing newlines; throws with git's output when it fails.
    /// </summary>
    public Task<string> GitAsync(params string[] arguments) => RunAsync(arguments, advanceClock: true);

    /// <summary>Commits with the message (an empty commit unless files are given) and returns the new commit's sha.</summary>
    /// <param name="message">The full message; may span lines.</param>
    /// <param name="files">Files to write (their content is the message) and commit, relative to <see cref="Folder"/>.</param>
    public async Task<string> CommitAsync(string message, params string[] files)
    {
        foreach (var file in files)
        {
            WriteFile(file, message + "\n");
        }

        if (files.Length > 0)
        {
            await RunAsync(["add", "--", .. files], advanceClock: false);
        }

        await GitAsync("commit", "-q", "--allow-empty", "--cleanup=verbatim", "-m", message);
        return await HeadAsync();
    }

    /// <summary>The sha of HEAD (the clock does not move).</summary>
    public Task<string> HeadAsync() => RunAsync(["rev-parse", "HEAD"], advanceClock: false);

    /// <summary>Writes a file in the work tree without staging it.</summary>
    public void WriteFile(string relativePath, string content)
    {
        var path = Path.Combine(Folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    /// <summary>Tags HEAD (or <paramref name="target"/>): lightweight without a message, annotated with one.</summary>
    public Task<string> TagAsync(string name, string? message = null, string target = "HEAD") =>
        message is null ? GitAsync("tag", name, target) : GitAsync("tag", "-a", "-m", message, name, target);

    /// <summary>Creates a branch at HEAD and checks it out.</summary>
    public Task<string> BranchAsync(string name) => GitAsync("checkout", "-q", "-b", name);

    /// <summary>Checks out a branch, tag or commit (a commit or tag detaches HEAD).</summary>
    public Task<string> CheckoutAsync(string name) => GitAsync("checkout", "-q", name);

    /// <summary>Merges a branch into the current one with a merge commit (--no-ff) and returns the merge's sha.</summary>
    public async Task<string> MergeAsync(string branch, string? message = null)
    {
        await GitAsync("merge", "-q", "--no-ff", "-m", message ?? $"Merge branch '{branch}'", branch);
        return await HeadAsync();
    }

    /// <summary>Clones this repository (git clone file://..., plus options such as --depth 1) into a new scratch folder.</summary>
    public async Task<ScratchRepository> CloneAsync(params string[] options)
    {
        var clone = new ScratchRepository { clock = clock };
        await clone.GitAsync(["clone", "-q", .. options, new Uri(Folder).AbsoluteUri, "."]);
        return clone;
    }

    /// <summary>
    /// Runs a bash script in the folder (the shape of GitVersion's example histories): every git call in it moves the
    /// same clock a minute on, so scripts and <see cref="GitAsync"/> calls can follow each other.
    /// </summary>
    public async Task RunScriptAsync(string script)
    {
        var prelude = string.Create(CultureInfo.InvariantCulture, $$"""
            set -euo pipefail
            clock={{clock}}
            git() {
              clock=$((clock + 60))
              GIT_AUTHOR_DATE="@$clock +0000" GIT_COMMITTER_DATE="@$clock +0000" command git "$@"
            }
            trap 'echo "kiln-clock=$clock"' EXIT

            """);
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = Folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("-s");
        foreach (var (name, value) in Environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(prelude + script);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"The script failed ({process.ExitCode}) in {Folder}:\n{await error}\n{await output}");
        }

        var last = (await output).TrimEnd('\n').Split('\n')[^1];
        clock = long.Parse(last["kiln-clock=".Length..], CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        ScratchFolder.Delete(Folder);
    }

    private async Task<string> RunAsync(string[] arguments, bool advanceClock)
    {
        if (advanceClock)
        {
            clock += 60;
        }

        var date = string.Create(CultureInfo.InvariantCulture, $"@{clock} +0000");
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = Folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in Environment)
        {
            start.Environment[name] = value;
        }

        start.Environment["GIT_AUTHOR_DATE"] = date;
        start.Environment["GIT_COMMITTER_DATE"] = date;

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'git {string.Join(' ', arguments)}' in {Folder} failed ({process.ExitCode}):\n{await error}\n{await output}");
        }

        return (await output).TrimEnd('\n');
    }
}
