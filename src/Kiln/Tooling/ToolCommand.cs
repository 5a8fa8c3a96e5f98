namespace Kiln.Tooling;

/// <summary>A tool invocation: the program and its arguments as a list (never a shell string), where and how to run it.</summary>
/// <param name="FileName">The program: a name found on PATH, or a path.</param>
/// <param name="Arguments">Each argument as it should reach the program; no quoting needed.</param>
public sealed record ToolCommand(string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>The working directory; the root directory when null.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Variables to set (a null value removes the variable) on top of the build's environment.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Kills the tool and fails when it runs longer; no limit when null.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Exit codes that count as success.</summary>
    public IReadOnlyList<int> SuccessExitCodes { get; init; } = [0];

    /// <summary>Whether each output line is printed through the host as it arrives.</summary>
    public bool EchoOutput { get; init; } = true;

    /// <summary>Reads the output as it arrives to tell the heartbeat how far the tool got; none when null.</summary>
    public ToolProgress? Progress { get; init; }

    /// <summary>The command line as text, for messages: arguments with spaces are quoted.</summary>
    public override string ToString() =>
        string.Join(' ', new[] { FileName }.Concat(Arguments).Select(Quote));

    private static string Quote(string argument) =>
        argument.Length == 0 ? "\"\""
        : argument.Any(character => char.IsWhiteSpace(character) || character is '"' or '\'') ? $"\"{argument.Replace("\"", "\\\"", StringComparison.Ordinal)}\""
        : argument;
}
