namespace Kiln.Tooling;

/// <summary>How a tool ended: its exit code and what it printed (secrets masked).</summary>
public sealed record ToolResult(int ExitCode, IReadOnlyList<ToolOutputLine> Output)
{
    /// <summary>The standard output lines.</summary>
    public IEnumerable<string> StandardOutput => Output.Where(line => !line.IsError).Select(line => line.Text);
}
