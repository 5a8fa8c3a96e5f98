using Kiln.Execution;

namespace Kiln.Hosts;

/// <summary>
/// GitHub Actions (GITHUB_ACTIONS=true): a log group per target, annotations for diagnostics,
/// ::add-mask:: for every secret, and the summary table appended to the step summary file.
/// </summary>
internal sealed class GitHubActionsHost(TextWriter output, SecretMasker masker, string rootDirectory, string? stepSummaryPath)
    : OutputHost(output, masker)
{
    public static bool IsActive(IReadOnlyDictionary<string, string> environment) =>
        string.Equals(environment.GetValueOrDefault("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase);

    public override void AnnounceSecrets()
    {
        // The runner hides a masked value from everything it logs afterwards, including other steps.
        foreach (var secret in Masker.Secrets)
        {
            foreach (var line in secret.ReplaceLineEndings("\n").Split('\n').Where(line => line.Length > 0))
            {
                Output.WriteLine($"::add-mask::{line}");
            }
        }

        Output.Flush();
    }

    protected override void WriteLine(LogLevel level, string text) => Output.WriteLine(level switch
    {
        LogLevel.Error => $"::error::{EscapeData(text)}",
        LogLevel.Warning => $"::warning::{EscapeData(text)}",
        _ => text,
    });

    protected override void WriteToolLine(string line)
    {
        var diagnostic = ToolDiagnostic.TryParse(line);
        Output.WriteLine(diagnostic is null
            ? line
            : Command(diagnostic.IsError ? "error" : "warning", diagnostic.Message, RelativeFile(diagnostic.File), diagnostic.Line, diagnostic.Column, diagnostic.Code));
    }

    protected override void WriteErrorCore(string message, string? file, int? line, string? title) =>
        Output.WriteLine(Command("error", message, RelativeFile(file), line, column: null, title));

    protected override void AppendStepSummaryCore(string markdown)
    {
        if (!string.IsNullOrEmpty(stepSummaryPath))
        {
            File.AppendAllText(stepSummaryPath, markdown.EndsWith('\n') ? markdown : markdown + "\n");
        }
    }

    protected override void WriteTargetHeader(string name) => Output.WriteLine($"::group::{EscapeData(name)}");

    protected override void WriteTargetFooter(TargetResult result) => Output.WriteLine("::endgroup::");

    protected override void WriteSummaryCore(BuildSummary summary)
    {
        base.WriteSummaryCore(summary);
        if (string.IsNullOrEmpty(stepSummaryPath))
        {
            return;
        }

        File.AppendAllText(stepSummaryPath, Masker.Apply(SummaryTable.ToMarkdown(summary)));
    }

    /// <summary>
    /// A workflow command such as <c>::error file=src/A.cs,line=3,title=T::message</c>: unknown properties left out,
    /// properties and message escaped by GitHub's rules.
    /// </summary>
    internal static string Command(string command, string message, string? file, int? line, int? column, string? title)
    {
        var properties = new List<string>();
        if (file is not null)
        {
            properties.Add($"file={EscapeProperty(file)}");
        }

        if (line is not null)
        {
            properties.Add($"line={line}");
        }

        if (column is not null)
        {
            properties.Add($"col={column}");
        }

        if (title is not null)
        {
            properties.Add($"title={EscapeProperty(title)}");
        }

        var separator = properties.Count > 0 ? " " : string.Empty;
        return $"::{command}{separator}{string.Join(',', properties)}::{EscapeData(message)}";
    }

    internal static string EscapeData(string text) =>
        text.Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);

    internal static string EscapeProperty(string text) =>
        EscapeData(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);

    private string? RelativeFile(string? file) => file is null ? null : RelativeToRoot(file);

    private string RelativeToRoot(string file)
    {
        if (!Path.IsPathRooted(file))
        {
            return file.Replace('\\', '/');
        }

        var relative = Path.GetRelativePath(rootDirectory, file);
        return (relative.StartsWith("..", StringComparison.Ordinal) ? file : relative).Replace('\\', '/');
    }
}
