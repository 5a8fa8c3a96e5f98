using System.Text.RegularExpressions;

namespace Kiln.GitHubActions;

/// <summary>
/// The actions generated workflows use, at their current major versions. A workflow may override any of them,
/// including pinning a full commit SHA with the version as a comment: "actions/checkout@&lt;sha&gt; # v6.0.0".
/// </summary>
internal static partial class ActionVersions
{
    public const string Checkout = "actions/checkout";
    public const string SetupDotNet = "actions/setup-dotnet";
    public const string Cache = "actions/cache";
    public const string UploadArtifact = "actions/upload-artifact";
    public const string DownloadArtifact = "actions/download-artifact";

    private static readonly Dictionary<string, string> Defaults = new(StringComparer.Ordinal)
    {
        [Checkout] = "v6",
        [SetupDotNet] = "v5",
        [Cache] = "v4",
        [UploadArtifact] = "v7",
        [DownloadArtifact] = "v8",
    };

    public static IReadOnlyCollection<string> Known => Defaults.Keys;

    /// <summary>The <c>uses:</c> value of an action and the comment to put after it (the version of a pinned SHA).</summary>
    public static (string Uses, string? Comment) Reference(string action, IReadOnlyList<string> overrides)
    {
        foreach (var entry in overrides)
        {
            var (uses, comment) = Parse(entry);
            if (uses.StartsWith(action + "@", StringComparison.Ordinal))
            {
                return (uses, comment);
            }
        }

        return ($"{action}@{Defaults[action]}", null);
    }

    /// <summary>Checks a workflow's overrides: known actions only, and a pinned SHA always with its version.</summary>
    public static void Validate(string workflowName, IReadOnlyList<string> overrides)
    {
        foreach (var entry in overrides)
        {
            var match = Override().Match(entry);
            if (!match.Success)
            {
                throw new KilnException($"[GitHubActions(\"{workflowName}\")].ActionVersions has '{entry}': write 'owner/repo@ref', or 'owner/repo@<sha> # vX.Y.Z' to pin a commit.");
            }

            if (!Defaults.ContainsKey(match.Groups["action"].Value))
            {
                throw new KilnException(
                    $"[GitHubActions(\"{workflowName}\")].ActionVersions names '{match.Groups["action"].Value}', which generated workflows do not use; they use {string.Join(", ", Known)}.");
            }

            if (Sha().IsMatch(match.Groups["ref"].Value) && !match.Groups["comment"].Success)
            {
                throw new KilnException(
                    $"[GitHubActions(\"{workflowName}\")].ActionVersions pins '{match.Groups["action"].Value}' to a commit without saying which version it is: add it as a comment, as '{entry} # v1.2.3'.");
            }
        }
    }

    private static (string Uses, string? Comment) Parse(string entry)
    {
        var match = Override().Match(entry);
        return (match.Groups["action"].Value + "@" + match.Groups["ref"].Value, match.Groups["comment"].Success ? match.Groups["comment"].Value.Trim() : null);
    }

    [GeneratedRegex(@"^(?<action>[\w.-]+/[\w.-]+)@(?<ref>[^\s#]+)(\s+#\s*(?<comment>\S.*))?$")]
    private static partial Regex Override();

    [GeneratedRegex("^[0-9a-f]{40}$")]
    private static partial Regex Sha();
}
