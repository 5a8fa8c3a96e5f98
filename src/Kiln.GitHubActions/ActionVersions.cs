using System.Text.RegularExpressions;

namespace Kiln.GitHubActions;

/// <summary>
/// The actions generated workflows use, each pinned to the commit of one release and written with that release as a
/// comment: <c>uses: actions/checkout@&lt;40-hex sha&gt; # v6.0.2</c>. A tag can be moved to other code; a commit
/// cannot. A workflow may override any of them (<see cref="GitHubActionsAttribute.ActionVersions"/>).
/// </summary>
internal static partial class ActionVersions
{
    public const string Checkout = "actions/checkout";
    public const string SetupDotNet = "actions/setup-dotnet";
    public const string Cache = "actions/cache";
    public const string UploadArtifact = "actions/upload-artifact";
    public const string DownloadArtifact = "actions/download-artifact";
    public const string UploadSarif = "github/codeql-action/upload-sarif";
    public const string AttestBuildProvenance = "actions/attest-build-provenance";

    // The one place to update the pins (docs/ci.md, "Updating the pinned actions"): take the release's tag, resolve it
    // to its commit with `git ls-remote https://github.com/OWNER/REPO refs/tags/vX.Y.Z 'refs/tags/vX.Y.Z^{}'` (the
    // ^{} line, when there is one, is the commit of an annotated tag), replace both values, regenerate the workflows.
    private static readonly Dictionary<string, (string Sha, string Version)> Pins = new(StringComparer.Ordinal)
    {
        [Checkout] = ("de0fac2e4500dabe0009e67214ff5f5447ce83dd", "v6.0.2"),
        [SetupDotNet] = ("baa11fbfe1d6520db94683bd5c7a3818018e4309", "v5.1.0"),
        [Cache] = ("0057852bfaa89a56745cba8c7296529d2fc39830", "v4.3.0"),
        [UploadArtifact] = ("043fb46d1a93c77aae656e7c1c64a875d1fc6a0a", "v7.0.1"),
        [DownloadArtifact] = ("3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c", "v8.0.1"),
        [UploadSarif] = ("b96794f015dfd88f77b49b1c93e0fa7110f94c63", "v4.38.0"),
        [AttestBuildProvenance] = ("00014ed6ed5efc5b1ab7f7f34a39eb55d41aa4f8", "v3.1.0"),
    };

    public static IReadOnlyCollection<string> Known => Pins.Keys;

    /// <summary>Whether the table pins the action (a step may then name it without a ref).</summary>
    public static bool IsKnown(string action) => Pins.ContainsKey(action);

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

        var (sha, version) = Pins[action];
        return ($"{action}@{sha}", version);
    }

    /// <summary>Checks a workflow's overrides: known actions only, and a pinned SHA always with its version.</summary>
    public static void Validate(string workflowName, IReadOnlyList<string> overrides)
    {
        foreach (var entry in overrides)
        {
            var action = CheckReference(entry, $"[GitHubActions(\"{workflowName}\")].ActionVersions");
            if (!Pins.ContainsKey(action))
            {
                throw new KilnException(
                    $"[GitHubActions(\"{workflowName}\")].ActionVersions names '{action}', which generated workflows do not use; they use {string.Join(", ", Known)}.");
            }
        }
    }

    /// <summary>
    /// Checks one 'owner/repo[/path]@ref [# version]' reference, <paramref name="origin"/> naming where it was written;
    /// returns the action.
    /// </summary>
    public static string CheckReference(string entry, string origin)
    {
        var match = ReferencePattern().Match(entry);
        if (!match.Success)
        {
            throw new KilnException($"{origin} has '{entry}': write 'owner/repo@ref', or 'owner/repo@<sha> # vX.Y.Z' to pin a commit.");
        }

        if (Sha().IsMatch(match.Groups["ref"].Value) && !match.Groups["comment"].Success)
        {
            throw new KilnException(
                $"{origin} pins '{match.Groups["action"].Value}' to a commit without saying which version it is: add it as a comment, as '{entry} # v1.2.3'.");
        }

        return match.Groups["action"].Value;
    }

    /// <summary>A checked reference as its <c>uses:</c> value and its comment.</summary>
    public static (string Uses, string? Comment) Parse(string entry)
    {
        var match = ReferencePattern().Match(entry);
        return (match.Groups["action"].Value + "@" + match.Groups["ref"].Value, match.Groups["comment"].Success ? match.Groups["comment"].Value.Trim() : null);
    }

    [GeneratedRegex(@"^(?<action>[\w.-]+/[\w.-]+(/[\w.-]+)*)@(?<ref>[^\s#]+)(\s+#\s*(?<comment>\S.*))?$")]
    private static partial Regex ReferencePattern();

    [GeneratedRegex("^[0-9a-f]{40}$")]
    private static partial Regex Sha();
}
