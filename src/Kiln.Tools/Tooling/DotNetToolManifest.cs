using System.Text.Json;

namespace Kiln.Tooling;

/// <summary>
/// A repository's local dotnet tools (<c>.config/dotnet-tools.json</c>), run as <c>dotnet &lt;command&gt;</c> from inside
/// the repository. <c>dotnet tool restore</c> runs only when dotnet could not resolve a pinned tool (its package
/// missing from the NuGet packages folder, or from the dotnet home's tool cache), so a warm build starts no restore.
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

    /// <summary>
    /// Whether dotnet resolves a tool of the manifest without a restore: its tool resolver cache, under the dotnet home
    /// (DOTNET_CLI_HOME, else the user's home), holds the pinned version. A fresh dotnet home has none, even when the
    /// package is in the NuGet cache, and dotnet then refuses to run the tool until <c>dotnet tool restore</c>.
    /// </summary>
    public bool IsResolvable(string packageId, string dotnetHome)
    {
        ArgumentNullException.ThrowIfNull(packageId);
        ArgumentNullException.ThrowIfNull(dotnetHome);
        var cache = System.IO.Path.Combine(dotnetHome, ".dotnet", "toolResolverCache", "1", packageId.ToLowerInvariant());
        if (!Tools.TryGetValue(packageId, out var version) || !File.Exists(cache))
        {
            return false;
        }

        // The cache's layout is dotnet's own: anything unexpected only means one restore more.
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(cache));
            return document.RootElement.ValueKind == JsonValueKind.Array
                && document.RootElement.EnumerateArray().Any(entry =>
                    entry.ValueKind == JsonValueKind.Object
                    && entry.TryGetProperty("Version", out var cached)
                    && string.Equals(cached.GetString(), version, StringComparison.OrdinalIgnoreCase));
        }
        catch (Exception exception) when (exception is JsonException or IOException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Runs <c>dotnet tool restore</c> unless dotnet resolves every tool of the manifest already.</summary>
    /// <param name="cancellationToken">Stops the restore.</param>
    public Task EnsureRestoredAsync(CancellationToken cancellationToken = default) =>
        EnsureRestoredAsync(new Dictionary<string, string?>(), cancellationToken);

    /// <summary>Runs a tool of the manifest (<c>dotnet &lt;command&gt; arguments</c>) in its root directory, restoring it first when dotnet could not resolve it.</summary>
    /// <param name="command">The tool's command, such as <c>reportgenerator</c>.</param>
    /// <param name="arguments">The tool's arguments.</param>
    /// <param name="environment">Variables to set for the restore and the tool (a dotnet home, a packages folder), on top of the build's.</param>
    /// <param name="cancellationToken">Stops the restore and the tool.</param>
    public async Task<ToolResult> RunAsync(
        string command, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(arguments);
        environment ??= new Dictionary<string, string?>();
        await EnsureRestoredAsync(environment, cancellationToken).ConfigureAwait(false);
        return await ProcessRunner.RunAsync(
            new ToolCommand("dotnet", [command, .. arguments]) { WorkingDirectory = RootDirectory, Environment = environment },
            cancellationToken).ConfigureAwait(false);
    }

    private async Task EnsureRestoredAsync(IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken)
    {
        string? Variable(string name) =>
            (environment.TryGetValue(name, out var value) ? value : Environment.GetEnvironmentVariable(name)) is { Length: > 0 } set ? set : null;
        var home = Variable(OperatingSystem.IsWindows() ? "USERPROFILE" : "HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var packagesFolder = Variable("NUGET_PACKAGES") ?? System.IO.Path.Combine(home, ".nuget", "packages");
        var dotnetHome = Variable("DOTNET_CLI_HOME") ?? home;
        if (Tools.Keys.All(package => IsRestored(package, packagesFolder) && IsResolvable(package, dotnetHome)))
        {
            return;
        }

        await ProcessRunner.RunAsync(
            new ToolCommand("dotnet", ["tool", "restore", "--tool-manifest", Path]) { WorkingDirectory = RootDirectory, Environment = environment },
            cancellationToken).ConfigureAwait(false);
    }
}
