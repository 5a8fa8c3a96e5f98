namespace Kiln.Execution;

/// <summary>Tells a CI server from a laptop by the variables CI systems set.</summary>
internal static class ServerDetection
{
    private static readonly string[] Markers = ["GITHUB_ACTIONS", "TF_BUILD", "GITLAB_CI", "TEAMCITY_VERSION", "JENKINS_URL", "BUILDKITE", "APPVEYOR"];

    public static bool IsServer(IReadOnlyDictionary<string, string> environment) =>
        IsTrue(environment.GetValueOrDefault("CI"))
        || Markers.Any(marker => !string.IsNullOrEmpty(environment.GetValueOrDefault(marker)));

    private static bool IsTrue(string? value) =>
        value is not null && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");
}
