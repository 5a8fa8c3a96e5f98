using System.Globalization;

namespace Kiln.Scanning;

/// <summary>
/// The results of every check Scan ran: the summary note (counts per category), the failure decision (any finding in
/// a category that is not warn-only fails), and the SARIF file.
/// </summary>
public sealed class ScanReport
{
    /// <summary>A report over the results, in the order the checks ran.</summary>
    /// <param name="results">One result per check; a category at most once.</param>
    /// <param name="warnOnly">Categories whose findings are warnings: reported, but they do not fail Scan.</param>
    public ScanReport(IEnumerable<ScanResult> results, IEnumerable<ScanCategory>? warnOnly = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        Results = results.ToList();
        if (Results.GroupBy(result => result.Category).FirstOrDefault(group => group.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"The {twice.Key} check has {twice.Count()} results; a report takes one per check.", nameof(results));
        }

        WarnOnly = (warnOnly ?? []).ToHashSet();
    }

    /// <summary>The checks' results.</summary>
    public IReadOnlyList<ScanResult> Results { get; }

    /// <summary>The categories whose findings do not fail Scan.</summary>
    public IReadOnlySet<ScanCategory> WarnOnly { get; }

    /// <summary>Every finding, in check order.</summary>
    public IEnumerable<ScanFinding> Findings => Results.SelectMany(result => result.Findings);

    /// <summary>Whether a finding fails Scan (its category is not warn-only).</summary>
    public bool IsError(ScanFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return !WarnOnly.Contains(finding.Category);
    }

    /// <summary>The categories with findings that fail Scan.</summary>
    public IReadOnlyList<ScanCategory> FailingCategories =>
        Results.Where(result => result.Findings.Count > 0 && !WarnOnly.Contains(result.Category)).Select(result => result.Category).ToList();

    /// <summary>The counts per category, as the summary table shows them: <c>style 0, analyzers 0, vulnerabilities not checked, licenses 0, secrets 0</c>.</summary>
    public string Summary => string.Join(", ", Results.Select(result => WarnOnly.Contains(result.Category) && result.Checked ? $"{result} (warn-only)" : result.ToString()));

    /// <summary>The message Scan fails with, naming the categories, the count and where to look; null when it passes.</summary>
    /// <param name="sarifFile">The SARIF file to point at, relative to the root.</param>
    public string? FailureMessage(string sarifFile)
    {
        var failing = FailingCategories;
        if (failing.Count == 0)
        {
            return null;
        }

        var count = Results.Where(result => failing.Contains(result.Category)).Sum(result => result.Findings.Count);
        var names = string.Join(", ", failing.Select(ScanResult.Name));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Scan found {count} problem(s) in {names}: fix them (listed above and in {sarifFile}), or make a category warn-only with --scan-warn-only {ScanResult.Name(failing[0])}.");
    }
}
