namespace Kiln.Scanning.Secrets;

/// <summary>
/// The lines a diff adds to one file (in one commit, when read from a log), joined with <c>\n</c>, and the line each has
/// in that version of the file.
/// </summary>
internal sealed record AddedLines(string? Commit, string Path, string Text, IReadOnlyList<int> LineNumbers);
