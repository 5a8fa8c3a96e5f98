namespace Kiln.SystemTests.Packages;

/// <summary>
/// The nuget.config of a scratch repository that restores Kiln from a local folder feed: that feed beside the usual
/// sources, a packages folder of its own for what only the feed has, and the machine's NuGet cache as a fallback folder
/// for everything else, which is then neither copied nor downloaded again.
/// </summary>
internal static class NuGetConfigFile
{
    /// <summary>The machine's NuGet cache, where this checkout's own restore put every other package the samples use.</summary>
    public static string MachineCache =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>NuGet takes an http:// source (a test's server on 127.0.0.1) only when told so.</summary>
    private static string Insecure(string source) =>
        source.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? " allowInsecureConnections=\"true\"" : string.Empty;

    /// <summary>Writes root/nuget.config, with more sources (service indexes or folders) after the feed; a null feed for none.</summary>
    public static Task WriteAsync(string root, string? feed, string packagesFolder, params string[] moreSources) =>
        File.WriteAllTextAsync(Path.Combine(root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{packagesFolder}" />
              </config>
              <packageSources>
            {(feed is null ? string.Empty : $"    <add key=\"kiln-under-test\" value=\"{feed}\" />{Environment.NewLine}")}{string.Concat(moreSources.Select((source, index) => $"    <add key=\"source-{index + 1}\" value=\"{source}\"{Insecure(source)} />{Environment.NewLine}"))}  </packageSources>
              <fallbackPackageFolders>
                <add key="machine-cache" value="{MachineCache}" />
              </fallbackPackageFolders>
            </configuration>
            """);
}
