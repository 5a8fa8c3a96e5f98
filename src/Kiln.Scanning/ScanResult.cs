namespace Kiln.Scanning;

/// <summary>
/// What one check of Scan found, or why it could not check: a check that did not run is "not checked", never "no
/// findings" (a vulnerability audit against a source with no vulnerability data proves nothing).
/// </summary>
public sealed record ScanResult
{
    private ScanResult(ScanCategory category, IReadOnlyList<ScanFinding> findings, string? notCheckedReason, string? note)
    {
        Category = category;
        Findings = findings;
        NotCheckedReason = notCheckedReason;
        Note = note;
    }

    /// <summary>The check.</summary>
    public ScanCategory Category { get; }

    /// <summary>What the check found; empty when it found nothing or did not check.</summary>
    public IReadOnlyList<ScanFinding> Findings { get; }

    /// <summary>Why the check did not run; null when it ran.</summary>
    public string? NotCheckedReason { get; }

    /// <summary>How it checked (the advisory file it read, the files it scanned); shown beside the count.</summary>
    public string? Note { get; }

    /// <summary>Whether the check ran.</summary>
    public bool Checked => NotCheckedReason is null;

    /// <summary>A check that ran and found these (none, perhaps).</summary>
    /// <param name="category">The check.</param>
    /// <param name="findings">Its findings; each must be of <paramref name="category"/>.</param>
    /// <param name="note">How it checked, for the summary; null for nothing to add.</param>
    public static ScanResult Found(ScanCategory category, IEnumerable<ScanFinding> findings, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var list = findings.ToList();
        if (list.FirstOrDefault(finding => finding.Category != category) is { } stray)
        {
            throw new ArgumentException($"A {stray.Category} finding cannot be a result of the {category} check.", nameof(findings));
        }

        return new ScanResult(category, list, null, note);
    }

    /// <summary>A check that could not run, and why (said plainly in the summary and the SARIF file).</summary>
    public static ScanResult NotChecked(ScanCategory category, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new ScanResult(category, [], reason, null);
    }

    /// <summary>The result as the summary shows it: <c>secrets 0</c>, <c>style 3</c>, <c>vulnerabilities not checked</c>.</summary>
    public override string ToString() =>
        Checked ? $"{Name(Category)} {Findings.Count}" : $"{Name(Category)} not checked";

    /// <summary>The category's name in summaries and parameters, lower case.</summary>
    internal static string Name(ScanCategory category) => category.ToString().ToLowerInvariant();
}
