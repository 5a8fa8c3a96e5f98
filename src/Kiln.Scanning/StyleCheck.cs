using System.Text.Json;
using Kiln.Tooling;

namespace Kiln.Scanning;

/// <summary>
/// The style check: <c>dotnet format --verify-no-changes</c> over a solution (whitespace and the code-style rules of
/// .editorconfig), each change it would make a finding <c>file:line: rule</c>. Analyzer rules are left to
/// <see cref="AnalyzerCheck"/>, which sees all of them, not only those with a fix.
/// </summary>
public static class StyleCheck
{
    /// <summary>Runs dotnet format on the restored solution and returns its findings.</summary>
    /// <param name="solution">The solution (or project) file.</param>
    /// <param name="root">The repository root findings are relative to.</param>
    /// <param name="reportDirectory">Where dotnet format writes its JSON report (under artifacts/scan).</param>
    /// <param name="cancellationToken">Stops dotnet format.</param>
    public static async Task<ScanResult> RunAsync(AbsolutePath solution, AbsolutePath root, AbsolutePath reportDirectory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(solution);
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(reportDirectory);
        var report = reportDirectory / "format-report.json";
        Directory.CreateDirectory(reportDirectory);
        File.Delete(report);

        // Exit code 2: changes are needed; the report says which. Anything else is a failure of dotnet format itself.
        await ProcessRunner.RunAsync(
            new ToolCommand("dotnet", ["format", solution, "--verify-no-changes", "--no-restore", "--report", reportDirectory, "--verbosity", "quiet"])
            {
                WorkingDirectory = root,
                SuccessExitCodes = [0, 2],
                EchoOutput = false,
            },
            cancellationToken).ConfigureAwait(false);
        if (!File.Exists(report))
        {
            throw new KilnException($"dotnet format wrote no report to {report.RelativeTo(root)}: run 'dotnet format {solution.RelativeTo(root)} --verify-no-changes' to see why.");
        }

        await using var stream = File.OpenRead(report);
        return FromReport(await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false), root);
    }

    /// <summary>
    /// The findings of a dotnet format report. A compiler error in it (CS...) means the workspace did not load: its
    /// style findings cannot be trusted (an unresolved type makes every using look unnecessary), so the check
    /// counts as not checked, naming the error.
    /// </summary>
    internal static ScanResult FromReport(JsonDocument report, string root)
    {
        var changes = report.RootElement.EnumerateArray()
            .SelectMany(document => document.GetProperty("FileChanges").EnumerateArray().Select(change => (
                File: Relative(document.GetProperty("FilePath").GetString() ?? "", root),
                Line: change.GetProperty("LineNumber").GetInt32(),
                Column: change.GetProperty("CharNumber").GetInt32(),
                Rule: change.GetProperty("DiagnosticId").GetString() ?? "",
                Description: change.GetProperty("FormatDescription").GetString() ?? "")))
            .Distinct()
            .ToList();

        if (changes.FirstOrDefault(change => change.Rule.StartsWith("CS", StringComparison.Ordinal)) is { Rule.Length: > 0 } broken)
        {
            return ScanResult.NotChecked(
                ScanCategory.Style,
                $"dotnet format could not compile {broken.File}({broken.Line}): {broken.Rule}; build the solution, or reference the projects whose types it uses directly");
        }

        return ScanResult.Found(
            ScanCategory.Style,
            changes
                .Where(change => IsStyleRule(change.Rule))
                .OrderBy(change => change.File, StringComparer.Ordinal)
                .ThenBy(change => change.Line)
                .ThenBy(change => change.Column)
                .Select(change => new ScanFinding(ScanCategory.Style, change.Rule, Message(change.Description), change.File, change.Line, change.Column)));
    }

    private static bool IsStyleRule(string rule) =>
        rule.StartsWith("IDE", StringComparison.Ordinal) || rule is "WHITESPACE" or "FINALNEWLINE" or "CHARSET" or "ENDOFLINE";

    // "error IDE0005: Using directive is unnecessary." -> "Using directive is unnecessary."
    private static string Message(string description)
    {
        var colon = description.IndexOf(": ", StringComparison.Ordinal);
        return colon >= 0 && description[..colon].Split(' ').Length <= 2 ? description[(colon + 2)..] : description;
    }

    internal static string Relative(string path, string root) =>
        Path.IsPathRooted(path) ? Path.GetRelativePath(root, path).Replace('\\', '/') : path.Replace('\\', '/');
}
