using Kiln.Tooling.Git;

namespace Kiln.Git;

/// <summary>
/// The git repository the build runs in, as <c>[GitRepository] readonly GitRepository GitRepository;</c> injects it:
/// branch, commit, tags and the remote, read with the git command line when the run starts.
/// </summary>
public sealed class GitRepository
{
    internal GitRepository(
        AbsolutePath localDirectory,
        string? branch,
        string? commit,
        IReadOnlyCollection<string> tags,
        string? remoteName,
        string? remoteBranch,
        string? remoteUrl)
    {
        LocalDirectory = localDirectory;
        Branch = branch;
        Commit = commit;
        Tags = tags;
        RemoteName = remoteName;
        RemoteBranch = remoteBranch;
        var parsed = GitRemoteUrl.Parse(remoteUrl);
        Endpoint = parsed?.Endpoint;
        Identifier = parsed?.Identifier;
    }

    /// <summary>The top folder of the work tree.</summary>
    public AbsolutePath LocalDirectory { get; }

    /// <summary>
    /// The checked-out branch (<c>main</c>, <c>release/1.2</c>). With a detached HEAD, as GitHub Actions checks out
    /// tags and pull requests, the branch GitHub names (a pull request's source branch); null when there is none.
    /// </summary>
    public string? Branch { get; }

    /// <summary>The sha of HEAD, or null before the first commit.</summary>
    public string? Commit { get; }

    /// <summary>The tags that point at HEAD, in ordinal order.</summary>
    public IReadOnlyCollection<string> Tags { get; }

    /// <summary>The remote the branch tracks, else <c>origin</c> (or the only remote); null without remotes.</summary>
    public string? RemoteName { get; }

    /// <summary>The remote branch the branch tracks, or null.</summary>
    public string? RemoteBranch { get; }

    /// <summary>The remote's host (<c>github.com</c>), or null for a local remote or none.</summary>
    public string? Endpoint { get; }

    /// <summary>The remote's owner and name (<c>kiln-build/kiln</c>), or null.</summary>
    public string? Identifier { get; }

    /// <summary>The remote as an https URL (<c>https://github.com/kiln-build/kiln</c>), or null.</summary>
    public string? HttpsUrl => Endpoint is null ? null : $"https://{Endpoint}/{Identifier}";

    /// <summary>The remote as an ssh URL (<c>git@github.com:kiln-build/kiln.git</c>), or null.</summary>
    public string? SshUrl => Endpoint is null ? null : $"git@{Endpoint}:{Identifier}.git";

    /// <summary>True on <c>main</c>.</summary>
    public bool IsOnMainBranch() => BranchIs("main");

    /// <summary>True on <c>master</c>.</summary>
    public bool IsOnMasterBranch() => BranchIs("master");

    /// <summary>True on <c>main</c> or <c>master</c>.</summary>
    public bool IsOnMainOrMasterBranch() => IsOnMainBranch() || IsOnMasterBranch();

    /// <summary>True on <c>develop</c>, <c>dev</c> or <c>development</c>.</summary>
    public bool IsOnDevelopBranch() => BranchIs("develop") || BranchIs("dev") || BranchIs("development");

    /// <summary>True on a <c>feature/</c> or <c>features/</c> branch.</summary>
    public bool IsOnFeatureBranch() => BranchStartsWith("feature/") || BranchStartsWith("features/");

    /// <summary>True on a <c>release/</c> or <c>releases/</c> branch.</summary>
    public bool IsOnReleaseBranch() => BranchStartsWith("release/") || BranchStartsWith("releases/");

    /// <summary>True on a <c>hotfix/</c> or <c>hotfixes/</c> branch.</summary>
    public bool IsOnHotfixBranch() => BranchStartsWith("hotfix/") || BranchStartsWith("hotfixes/");

    /// <summary>True when the remote is on github.com.</summary>
    public bool IsGitHubRepository() => string.Equals(Endpoint, "github.com", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the repository that holds <paramref name="directory"/> with the git command line.</summary>
    /// <exception cref="KilnException">The folder is not in a git work tree, or git cannot be started.</exception>
    public static GitRepository FromLocalDirectory(AbsolutePath directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var top = Git(directory, "rev-parse", "--show-toplevel")
            ?? throw new KilnException($"{directory} is not in a git repository: run the build in a clone, or run 'git init'.");
        var branch = Git(directory, "symbolic-ref", "--short", "-q", "HEAD") ?? BranchFromEnvironment(KilnBuild.EnvironmentVariables);
        var commit = Git(directory, "rev-parse", "-q", "--verify", "HEAD");
        IReadOnlyCollection<string> tags = commit is null ? [] : [.. Lines(Git(directory, "tag", "--points-at", "HEAD")).Order(StringComparer.Ordinal)];
        var remotes = Lines(Git(directory, "remote"));
        var remoteName = (branch is null ? null : Git(directory, "config", $"branch.{branch}.remote"))
            ?? (remotes.Contains("origin") ? "origin" : remotes.Count == 1 ? remotes[0] : null);
        var merge = branch is null ? null : Git(directory, "config", $"branch.{branch}.merge");
        var remoteBranch = merge?.StartsWith("refs/heads/", StringComparison.Ordinal) == true ? merge["refs/heads/".Length..] : merge;
        var remoteUrl = remoteName is null ? null : Git(directory, "remote", "get-url", remoteName);
        return new GitRepository(AbsolutePath.Create(top), branch, commit, tags, remoteName, remoteBranch, remoteUrl);
    }

    /// <inheritdoc/>
    public override string ToString() => HttpsUrl ?? LocalDirectory;

    /// <summary>The branch GitHub Actions names when it checked out a detached HEAD: a pull request's source branch, or the pushed branch.</summary>
    internal static string? BranchFromEnvironment(IReadOnlyDictionary<string, string> environment)
    {
        if (environment.TryGetValue("GITHUB_HEAD_REF", out var headRef) && headRef.Length > 0)
        {
            return headRef;
        }

        return environment.TryGetValue("GITHUB_REF", out var reference) && reference.StartsWith("refs/heads/", StringComparison.Ordinal)
            ? reference["refs/heads/".Length..]
            : null;
    }

    private bool BranchIs(string name) => string.Equals(Branch, name, StringComparison.OrdinalIgnoreCase);

    private bool BranchStartsWith(string prefix) => Branch?.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>git's output without the trailing newline, or null when git exits with an error (an answer of "no").</summary>
    private static string? Git(AbsolutePath directory, params string[] arguments)
    {
        try
        {
            var (output, exitCode, _) = GitInvocation.RunAsync(directory, arguments, reader => reader.ReadToEnd(), CancellationToken.None).GetAwaiter().GetResult();
            var text = output.TrimEnd('\n', '\r');
            return exitCode == 0 && text.Length > 0 ? text : null;
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new KilnException($"Cannot read the git repository at {directory}: git could not be started ({exception.Message}). Install git and put it on the PATH.", exception);
        }
    }

    private static List<string> Lines(string? text) =>
        text is null ? [] : [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
