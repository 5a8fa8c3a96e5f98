namespace Kiln.Tooling;

/// <summary>A line a tool printed, and whether it came on standard error.</summary>
public sealed record ToolOutputLine(string Text, bool IsError);
