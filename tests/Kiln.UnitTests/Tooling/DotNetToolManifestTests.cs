using Kiln.Tooling;

namespace Kiln.UnitTests.Tooling;

public sealed class DotNetToolManifestTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("kiln-tools-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void DotNetToolManifest_reads_each_tools_package_and_version()
    {
        WriteManifest("""{ "version": 1, "isRoot": true, "tools": { "dotnet-reportgenerator-globaltool": { "version": "5.6.0", "commands": ["reportgenerator"] } } }""");

        var manifest = DotNetToolManifest.Read(root);

        Assert.Equal(new Dictionary<string, string> { ["dotnet-reportgenerator-globaltool"] = "5.6.0" }, manifest.Tools);
        Assert.Equal(root, manifest.RootDirectory);
    }

    [Fact]
    public void DotNetToolManifest_says_how_to_create_a_missing_manifest()
    {
        var exception = Assert.Throws<KilnException>(() => DotNetToolManifest.Read(root));

        Assert.Equal(
            $"{Path.Combine(root, ".config", "dotnet-tools.json")} does not exist: create it with 'dotnet new tool-manifest' in {root}, then 'dotnet tool install <package>'.",
            exception.Message);
    }

    [Fact]
    public void DotNetToolManifest_rejects_a_tool_without_a_version()
    {
        WriteManifest("""{ "version": 1, "tools": { "some-tool": { "commands": ["some"] } } }""");

        var exception = Assert.Throws<KilnException>(() => DotNetToolManifest.Read(root));

        Assert.EndsWith("tool 'some-tool' has no version: pin one with 'dotnet tool install some-tool --version <version>'.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DotNetToolManifest_counts_a_tool_as_restored_when_its_package_folder_is_complete()
    {
        WriteManifest("""{ "version": 1, "tools": { "Some.Tool": { "version": "1.2.3-Beta", "commands": ["some"] } } }""");
        var packages = Path.Combine(root, "packages");
        var folder = Directory.CreateDirectory(Path.Combine(packages, "some.tool", "1.2.3-beta")).FullName;
        var manifest = DotNetToolManifest.Read(root);

        Assert.False(manifest.IsRestored("Some.Tool", packages));
        File.WriteAllText(Path.Combine(folder, ".nupkg.metadata"), "{}");
        Assert.True(manifest.IsRestored("Some.Tool", packages));
        Assert.False(manifest.IsRestored("Other.Tool", packages));
    }

    [Fact]
    public void DotNetToolManifest_counts_a_tool_as_resolvable_only_when_the_dotnet_homes_tool_cache_holds_its_version()
    {
        WriteManifest("""{ "version": 1, "tools": { "Some.Tool": { "version": "1.2.3", "commands": ["some"] } } }""");
        var home = Path.Combine(root, "home");
        var cache = Directory.CreateDirectory(Path.Combine(home, ".dotnet", "toolResolverCache", "1")).FullName;
        var manifest = DotNetToolManifest.Read(root);

        Assert.False(manifest.IsResolvable("Some.Tool", home));
        File.WriteAllText(Path.Combine(cache, "some.tool"), """[{ "Version": "1.2.2", "Name": "some" }]""");
        Assert.False(manifest.IsResolvable("Some.Tool", home));
        File.WriteAllText(Path.Combine(cache, "some.tool"), """[{ "Version": "1.2.2", "Name": "some" }, { "Version": "1.2.3", "Name": "some" }]""");
        Assert.True(manifest.IsResolvable("Some.Tool", home));
        File.WriteAllText(Path.Combine(cache, "some.tool"), "not json");
        Assert.False(manifest.IsResolvable("Some.Tool", home));
    }

    private void WriteManifest(string json)
    {
        Directory.CreateDirectory(Path.Combine(root, ".config"));
        File.WriteAllText(Path.Combine(root, ".config", "dotnet-tools.json"), json);
    }
}
