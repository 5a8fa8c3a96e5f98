using System.Text.RegularExpressions;

namespace Kiln.Hosts;

/// <summary>An error or warning a tool printed in the MSBuild/canonical format: <c>path(line,col): error CODE: message [project]</c>.</summary>
internal sealed partial record ToolDiagnostic(string Severity, string? File, int? Line, int? Column, string? Code, string Message)
{
    public bool IsError => Severity == "error";

    public static ToolDiagnostic? TryParse(string line)
    {
        var match = WithLocation().Match(line);
        if (!match.Success)
        {
            match = WithoutLocation().Match(line);
        }

        if (!match.Success)
        {
            return null;
        }

        var file = match.Groups["file"].Success ? match.Groups["file"].Value.Trim() : null;
        return new ToolDiagnostic(
            match.Groups["severity"].Value.ToLowerInvariant(),
            string.IsNullOrEmpty(file) ? null : file,
            match.Groups["line"].Success ? int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture) : null,
            match.Groups["column"].Success ? int.Parse(match.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture) : null,
            match.Groups["code"].Success ? match.Groups["code"].Value : null,
            match.Groups["message"].Value.Trim());
    }

    [GeneratedRegex(@"^\s*(?<file>[^\s(][^(]*?)\((?<line>\d+)(?:,(?<column>\d+))?(?:,\d+,\d+)?\)\s*:\s*(?<severity>error|warning)\s+(?<code>[A-Za-z]+\d+)?\s*:\s*(?<message>.*?)(?:\s+\[[^\]]+\])?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex WithLocation();

    [GeneratedRegex(@"^\s*(?:(?<file>[^\s:][^:]*?)\s+:\s+)?(?<severity>error|warning)\s+(?<code>[A-Za-z]+\d+)\s*:\s*(?<message>.*?)(?:\s+\[[^\]]+\])?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex WithoutLocation();
}
