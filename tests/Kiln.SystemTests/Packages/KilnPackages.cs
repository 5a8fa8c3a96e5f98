using System.Reflection;
using Kiln.IntegrationTests;

namespace Kiln.SystemTests.Packages;

/// <summary>
/// The Kiln packages of the checkout under test, packed once per test run into a temporary folder feed: every sample,
/// templated repository and rehearsal restores Kiln from it, as a user's repository restores Kiln from a feed, rather
/// than compiling Kiln from source. Packing reuses what this project's build compiled (it references the src/ projects
/// for that), so it takes seconds. The version is the run's own, and a repository that uses <see cref="WriteNuGetConfigAsync"/>
/// extracts the Kiln packages into a packages folder of the run's own, taking every other package from the machine's
/// NuGet cache as a fallback folder: no copy cached by an earlier run stands in, and the machine's cache gains nothing.
/// The folder is deleted when the test process exits.
/// </summary>
internal sealed class KilnPackages
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(5);

    private static readonly Lazy<Task<KilnPackages>> Packed = new(PackAsync);

    private KilnPackages(string folder, string version)
    {
        Folder = folder;
        Version = version;
    }

    /// <summary>The folder feed: a .nupkg (and .snupkg) per packable project of the solution.</summary>
    public string Feed => Path.Combine(Folder, "feed");

    /// <summary>The version every package carries: a pre-release of 0.0.0 unique to this test run.</summary>
    public string Version { get; }

    /// <summary>Where restores that use this feed extract the Kiln packages.</summary>
    public string PackagesFolder => Path.Combine(Folder, "packages");

    private string Folder { get; }

    /// <summary>The packages, packed by the first caller of the test run; later callers wait for the same packing.</summary>
    public static Task<KilnPackages> GetAsync() => Packed.Value;

    /// <summary>The path of the package file with this id, which must be in the feed.</summary>
    public string Package(string id) => Path.Combine(Feed, $"{id}.{Version}.nupkg");

    /// <summary>Writes the repository's nuget.config: this feed and any more sources, the run's packages folder, the machine's cache as fallback.</summary>
    public Task WriteNuGetConfigAsync(string root, params string[] moreSources) => NuGetConfigFile.WriteAsync(root, Feed, PackagesFolder, moreSources);

    /// <summary>
    /// Writes the repository's nuget.config without this feed (the run's packages folder, the machine's cache as fallback),
    /// for a repository whose build names the feed itself (dotnet new kiln --kiln-source).
    /// </summary>
    public Task WriteNuGetConfigWithoutFeedAsync(string root) => NuGetConfigFile.WriteAsync(root, null, PackagesFolder);

    private static async Task<KilnPackages> PackAsync()
    {
        var folder = Directory.CreateTempSubdirectory("kiln-packages-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => ScratchFolder.Delete(folder);
        var packages = new KilnPackages(folder, $"0.0.0-system.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}");

        // The configuration this project was built in is the one its build compiled src/ in.
        var configuration = typeof(KilnPackages).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var (exitCode, output, error) = await ScratchProcess.RunAsync(
            "dotnet",
            RepositoryRoot.Path,
            [
                "pack", Path.Combine(RepositoryRoot.Path, "Solution.sln"), "--no-build", "--no-restore", "--configuration", configuration,
                "--output", packages.Feed, $"-p:Version={packages.Version}", $"-p:NuspecOutputPath={Path.Combine(folder, "nuspec")}/",
            ],
            PackTimeout);
        return exitCode == 0
            ? packages
            : throw new InvalidOperationException($"Packing the checkout's projects with dotnet pack failed (exit code {exitCode}): build them first (./build.sh Compile).{Environment.NewLine}{output}{error}");
    }
}
