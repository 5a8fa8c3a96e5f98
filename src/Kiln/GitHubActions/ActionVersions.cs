namespace Kiln.GitHubActions;

/// <summary>The actions generated workflows use, at their current major versions; a workflow may override any of them.</summary>
internal static class ActionVersions
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

    /// <summary>The <c>uses:</c> reference of an action, from the overrides ("actions/checkout@v5") or the table.</summary>
    public static string Reference(string action, IReadOnlyList<string> overrides)
    {
        var chosen = overrides.FirstOrDefault(entry => entry.StartsWith(action + "@", StringComparison.Ordinal));
        return chosen ?? $"{action}@{Defaults[action]}";
    }

    public static IReadOnlyCollection<string> Known => Defaults.Keys;
}
