namespace Kiln.Scanning;

/// <summary>
/// One thing Scan found: which check, which rule, where, and a message a developer can act on. The message never holds
/// a secret's value: a secret finding carries a redacted preview only.
/// </summary>
/// <param name="Category">The check that found it.</param>
/// <param name="RuleId">The rule, stable across runs (SARIF <c>ruleId</c>): <c>IDE0055</c>, <c>CA1822</c>, <c>github-token</c>, <c>GHSA-...</c>.</param>
/// <param name="Message">What is wrong and, where it helps, what to do.</param>
/// <param name="File">The file, relative to the repository root with forward slashes; null when the finding has no file.</param>
/// <param name="Line">The 1-based line in <paramref name="File"/>; null when unknown.</param>
/// <param name="Column">The 1-based column; null when unknown.</param>
public sealed record ScanFinding(ScanCategory Category, string RuleId, string Message, string? File = null, int? Line = null, int? Column = null)
{
    /// <summary>The finding as one line: <c>file:line: rule: message</c> (parts that are unknown are left out).</summary>
    public override string ToString()
    {
        var location = File is null ? "" : Line is { } line ? $"{File}:{line}: " : $"{File}: ";
        return $"{location}{RuleId}: {Message}";
    }
}
