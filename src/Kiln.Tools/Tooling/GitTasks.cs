namespace Kiln.Tooling;

/// <summary>
/// git in NUKE's shape, for <c>using static Kiln.Tooling.GitTasks;</c>: <c>Git("status")</c>,
/// <c>Git($"tag {version}")</c>, <c>GitCurrentBranch()</c>. Runs through the <see cref="ProcessRunner"/> like every tool:
/// output streamed with secrets masked, a <see cref="ToolException"/> naming the command on failure.
/// </summary>
public static class GitTasks
{
    /// <summary>
    /// Runs git with the arguments (one string, split at spaces outside double quotes) and returns its output.
    /// </summary>
    /// <param name="arguments">What follows <c>git</c> on a command line.</param>
    /// <param name="workingDirectory">Where git runs; the root directory when null.</param>
    /// <param name="environmentVariables">Variables to set for git on top of the build's.</param>
    /// <param name="timeout">Kills git and fails after this many milliseconds (NUKE's unit).</param>
    /// <param name="logOutput">Whether git's output is printed as it comes; it is unless false.</param>
    public static IReadOnlyCollection<ToolOutputLine> Git(
        string arguments,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environmentVariables = null,
        int? timeout = null,
        bool? logOutput = null) =>
        ToolTasks.Wait(ProcessRunner.RunAsync(Command(arguments, workingDirectory, environmentVariables, timeout, logOutput)));

    /// <summary>Runs git as <see cref="Git"/> does, without blocking a thread.</summary>
    public static async Task<IReadOnlyCollection<ToolOutputLine>> GitAsync(
        string arguments, string? workingDirectory = null, CancellationToken cancellationToken = default) =>
        (await ProcessRunner.RunAsync(Command(arguments, workingDirectory, null, null, null), cancellationToken).ConfigureAwait(false)).Output;

    /// <summary>The branch checked out, or "HEAD" when detached.</summary>
    public static string GitCurrentBranch(string? workingDirectory = null) => FirstLine("rev-parse --abbrev-ref HEAD", workingDirectory);

    /// <summary>The commit checked out, as its full hash.</summary>
    public static string GitCurrentCommit(string? workingDirectory = null) => FirstLine("rev-parse HEAD", workingDirectory);

    /// <summary>Whether nothing is modified, staged or untracked (ignored files aside).</summary>
    public static bool GitHasCleanWorkingCopy(string? workingDirectory = null) =>
        !Quiet("status --porcelain", workingDirectory).Any(line => !line.IsError);

    /// <summary>Whether HEAD is detached (no branch checked out).</summary>
    public static bool GitIsDetached(string? workingDirectory = null) => GitCurrentBranch(workingDirectory) == "HEAD";

    /// <summary>The command <see cref="Git"/> runs, for tests and messages.</summary>
    public static ToolCommand Command(
        string arguments,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environmentVariables = null,
        int? timeout = null,
        bool? logOutput = null) =>
        new("git", CommandLineSplitter.Split(arguments))
        {
            WorkingDirectory = workingDirectory,
            Environment = environmentVariables?.ToDictionary(variable => variable.Key, string? (variable) => variable.Value) ?? new Dictionary<string, string?>(),
            Timeout = timeout is { } milliseconds ? TimeSpan.FromMilliseconds(milliseconds) : null,
            EchoOutput = logOutput ?? true,
        };

    private static IReadOnlyCollection<ToolOutputLine> Quiet(string arguments, string? workingDirectory) =>
        Git(arguments, workingDirectory, logOutput: false);

    private static string FirstLine(string arguments, string? workingDirectory) =>
        Quiet(arguments, workingDirectory).First(line => !line.IsError).Text.Trim();
}
