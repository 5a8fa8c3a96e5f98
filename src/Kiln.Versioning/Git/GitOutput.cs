namespace Kiln.Versioning.Git;

/// <summary>How one git command ended: its exit code and everything it wrote.</summary>
/// <param name="CommandLine">The command as a user would type it (git and its arguments), for messages.</param>
/// <param name="WorkingDirectory">Where it ran.</param>
/// <param name="ExitCode">The process exit code.</param>
/// <param name="Output">Standard output, decoded as UTF-8.</param>
/// <param name="Error">Standard error.</param>
internal sealed record GitOutput(string CommandLine, string WorkingDirectory, int ExitCode, string Output, string Error)
{
    /// <summary>The first non-empty line git wrote to standard error, or a note that it wrote none.</summary>
    public string FirstErrorLine =>
        Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "(git wrote no error message)";

    /// <summary>Returns the output when git succeeded; otherwise throws a <see cref="VersioningException"/> naming the command and git's error.</summary>
    public string EnsureSuccess() =>
        ExitCode == 0
            ? Output
            : throw new VersioningException($"'{CommandLine}' in {WorkingDirectory} failed with exit code {ExitCode}: {FirstErrorLine}");
}
