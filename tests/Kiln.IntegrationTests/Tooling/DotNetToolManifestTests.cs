using Kiln.Execution;
using Kiln.Hosts;
using Kiln.Tooling;

namespace Kiln.IntegrationTests.Tooling;

/// <summary>
/// This repository's local tools run with a warm NuGet cache and a fresh dotnet home (a dev container, a self-hosted
/// runner): dotnet knows no tool there until <c>dotnet tool restore</c>, which Kiln runs when it must.
/// </summary>
public sealed class DotNetToolManifestTests : IDisposable
{
    private readonly string home = Directory.CreateTempSubdirectory("kiln-fresh-home-").FullName;
    private readonly StringWriter output = new();

    // The tool's usage text goes to this test's host, not into the suite's output.
    public DotNetToolManifestTests() =>
        BuildContext.Current = new BuildContext(new ConsoleHost(output, new SecretMasker(), useColors: false), CancellationToken.None);

    public void Dispose()
    {
        output.Dispose();
        ScratchFolder.Delete(home);
    }

    [Fact]
    public async Task A_local_tool_runs_from_a_warm_package_cache_with_a_fresh_dotnet_home()
    {
        var warmCache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var manifest = DotNetToolManifest.Read(RepositoryRoot.Path);
        Assert.True(manifest.IsRestored("dotnet-reportgenerator-globaltool", warmCache), "the package cache should be warm: the build restored ReportGenerator");
        Assert.False(manifest.IsResolvable("dotnet-reportgenerator-globaltool", home));

        var result = await manifest.RunAsync(
            "reportgenerator",
            ["-help"],
            new Dictionary<string, string?> { ["HOME"] = home, ["DOTNET_CLI_HOME"] = home, ["NUGET_PACKAGES"] = warmCache, ["DOTNET_NOLOGO"] = "1" });

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.Output, line => line.Text.StartsWith("ReportGenerator ", StringComparison.Ordinal));
        Assert.True(manifest.IsResolvable("dotnet-reportgenerator-globaltool", home));
    }
}
