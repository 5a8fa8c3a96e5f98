using Kiln.Execution;

namespace Kiln.Hosts;

/// <summary>
/// GitHub Actions (GITHUB_ACTIONS=true): a log group per target, annotations for diagnostics,
/// ::add-mask:: for every secret, and the summary table appended to the step summary file.
/// </summary>
internal sealed class GitHubActionsHost(TextWriter output, SecretMasker masker, string rootDirectory, string? stepSummaryPath)
    : Host(output, masker)
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
        if (diagnostic is null)
        {
            Output.WriteLine(line);
            return;
        }

        var properties = new List<string>();
        if (diagnostic.File is not null)
        {
            properties.Add($"file={EscapeProperty(RelativeToRoot(diagnostic.File))}");
        }

        if (diagnostic.Line is not null)
        {
            properties.Add($"line={diagnostic.Line}");
        }

        if (diagnostic.Column is not null)
        {
            properties.Add($"col={diagnostic.Column}");
        }

        if (diagnostic.Code is not null)
        {
            properties.Add($"title={EscapeProperty(diagnostic.Code)}");
        }

        var command = diagnostic.IsError ? "error" : "warning";
        var separator = properties.Count > 0 ? " " : string.Empty;
        Output.WriteLine($"::{command}{separator}{string.Join(',', properties)}::{EscapeData(diagnostic.Message)}");
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

    internal static string EscapeData(string text) =>
        text.Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);

    internal static string EscapeProperty(string text) =>
        EscapeData(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);

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
