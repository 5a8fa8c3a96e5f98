using System.Text.Json;

namespace Kiln.Tooling;

/// <summary>
/// A repository's local dotnet tools (<c>.config/dotnet-tools.json</c>), run as <c>dotnet &lt;command&gt;</c> from inside
/// the repository. <c>dotnet tool restore</c> runs only when a pinned package is missing from the NuGet packages
/// folder, so a warm build starts no restore.
/// </summary>
public sealed class DotNetToolManifest
{
    private DotNetToolManifest(string path, IReadOnlyDictionary<string, string> tools)
    {
        Path = path;
        Tools = tools;
    }

    /// <summary>The manifest file.</summary>
    public string Path { get; }

    /// <summary>The directory the manifest belongs to: tools run with it as the working directory.</summary>
    public string RootDirectory => System.IO.Path.GetDirectoryName(System.IO.Path.GetDirectoryName(Path)!)!;

    /// <summary>Each tool's package id and pinned version.</summary>
    public IReadOnlyDictionary<string, string> Tools { get; }

    /// <summary>Reads <c>.config/dotnet-tools.json</c> under the root directory.</summary>
    /// <exception cref="KilnException">The file is missing or is not a tool manifest.</exception>
    public static DotNetToolManifest Read(string rootDirectory)
    {
        ArgumentNullException.ThrowIfNull(rootDirectory);
        var path = System.IO.Path.Combine(rootDirectory, ".config", "dotnet-tools.json");
        if (!File.Exists(path))
        {
            throw new KilnException($"{path} does not exist: create it with 'dotnet new tool-manifest' in {rootDirectory}, then 'dotnet tool install <package>'.");
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var tools = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (document.RootElement.TryGetProperty("tools", out var entries) && entries.ValueKind == JsonValueKind.Object)
            {
                foreach (var entry in entries.EnumerateObject())
                {
                    tools[entry.Name] = entry.Value.TryGetProperty("version", out var version) && version.GetString() is { Length: > 0 } text
                        ? text
                        : throw new KilnException($"{path}: tool '{entry.Name}' has no version: pin one with 'dotnet tool install {entry.Name} --version <version>'.");
                }
            }

            return new DotNetToolManifest(path, tools);
        }
        catch (JsonException exception)
        {
            throw new KilnException($"{path} is not valid JSON ({exception.Message}): fix it or recreate it with 'dotnet new tool-manifest --force'.", exception);
        }
    }

    /// <summary>Whether the package of a tool in the manifest is restored, in the given NuGet packages folder.</summary>
    public bool IsRestored(string packageId, string packagesFolder)
    {
        ArgumentNullException.ThrowIfNull(packageId);
        ArgumentNullException.ThrowIfNull(packagesFolder);

        // NuGet writes .nupkg.metadata last, so its presence means the package was extracted completely.
        return Tools.TryGetValue(packageId, out var version)
            && File.Exists(System.IO.Path.Combine(packagesFolder, packageId.ToLowerInvariant(), version.ToLowerInvariant(), ".nupkg.metadata"));
    }

    /// <summary>Runs <c>dotnet tool restore</c> unless every tool of the manifest is restored already.</summary>
    /// <param name="cancellationToken">Stops the restore.</param>
    public async Task EnsureRestoredAsync(CancellationToken cancellationToken = default)
    {
        var packagesFolder = DefaultPackagesFolder();
        if (Tools.Keys.All(package => IsRestored(package, packagesFolder)))
        {
            return;
        }

        await ProcessRunner.RunAsync(
            new ToolCommand("dotnet", ["tool", "restore", "--tool-manifest", Path]) { WorkingDirectory = RootDirectory },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Where NuGet keeps packages: NUGET_PACKAGES, else ~/.nuget/packages. A folder set in a NuGet.Config instead is
    /// not seen; the tools then look missing and the restore simply runs each time.
    /// </summary>
    private static string DefaultPackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
}
