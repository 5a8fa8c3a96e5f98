using System.Text.RegularExpressions;

namespace Kiln.IntegrationTests;

/// <summary>How one run of build.sh ended: its exit code and the lines it printed on each stream.</summary>
internal sealed partial record BuildRun(int ExitCode, IReadOnlyList<string> StandardOutput, IReadOnlyList<string> StandardError)
{
    /// <summary>Everything printed, standard output first.</summary>
    public IReadOnlyList<string> Lines => [.. StandardOutput, .. StandardError];

    public string Output => string.Join('\n', Lines);

    /// <summary>Fails with everything the build printed, so a failure explains itself.</summary>
    public void AssertExitCode(int expected) =>
        Assert.True(ExitCode == expected, $"Expected exit code {expected}, got {ExitCode}.{Environment.NewLine}{this}");

    /// <summary>The status of a target in the summary table (Succeeded, Failed, Skipped, NotRun, Aborted).</summary>
    public string Status(string target) => SummaryRow(target).Status;

    /// <summary>The note of a target in the summary table, or an empty string.</summary>
    public string Note(string target) => SummaryRow(target).Note;

    /// <summary>The targets in the summary table, in plan order.</summary>
    public IReadOnlyList<string> SummaryTargets => SummaryRows().Select(row => row.Target).ToList();

    public bool HasSummary => StandardOutput.Any(line => SummaryHeader().IsMatch(line));

    public override string ToString() =>
        $"exit code {ExitCode}{Environment.NewLine}--- stdout ---{Environment.NewLine}{string.Join(Environment.NewLine, StandardOutput)}"
        + $"{Environment.NewLine}--- stderr ---{Environment.NewLine}{string.Join(Environment.NewLine, StandardError)}";

    private (string Target, string Status, string Note) SummaryRow(string target) =>
        SummaryRows().FirstOrDefault(row => row.Target == target) is { Target: not null } row
            ? row
            : throw new Xunit.Sdk.XunitException($"No summary row for {target}.{Environment.NewLine}{this}");

    /// <summary>The rows between the header of the last summary table and the rule under them.</summary>
    private List<(string Target, string Status, string Note)> SummaryRows()
    {
        var header = StandardOutput.ToList().FindLastIndex(line => SummaryHeader().IsMatch(line));
        if (header < 0)
        {
            throw new Xunit.Sdk.XunitException($"No summary table in the output.{Environment.NewLine}{this}");
        }

        return StandardOutput.Skip(header + 2)
            .TakeWhile(line => !line.StartsWith('─'))
            .Select(line => SummaryLine().Match(line))
            .Where(match => match.Success)
            .Select(match => (match.Groups["target"].Value, match.Groups["status"].Value, match.Groups["note"].Value.Trim()))
            .ToList();
    }

    [GeneratedRegex(@"^Target\s+Status\s+Duration\s+Note$")]
    private static partial Regex SummaryHeader();

    [GeneratedRegex(@"^(?<target>\S+)\s+(?<status>Succeeded|Failed|Skipped|NotRun|Aborted)\b(?:\s+(?:< 1s|\d+:\d\d(?::\d\d)?))?(?<note>.*)$")]
    private static partial Regex SummaryLine();
}
