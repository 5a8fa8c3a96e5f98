using System.IO.Compression;
using System.Reflection.Metadata;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Kiln.SystemTests.Packages;

namespace Kiln.SystemTests.Publishing;

/// <summary><c>./build.sh Publish --configuration Release</c> on a clean copy of this checkout, twice, and a project that restores what it published.</summary>
[Trait("Category", "Publish")]
public sealed class PublishTests(PublishedCheckout published) : IClassFixture<PublishedCheckout>
{
    /// <summary>The packages of compiled projects, each with its symbol package.</summary>
    private static readonly string[] LibraryPackages = ["Kiln", "Kiln.Tools", "Kiln.GitHubActions", "Kiln.Scanning", "Kiln.Publishing", "Kiln.Versioning", "Kiln.Components", "Kiln.Versioning.Tool", "Kiln.Azure", "Kiln.Azure.Releases"];

    /// <summary>Every package: the libraries and the dotnet new template, which has nothing compiled and so no symbols.</summary>
    private static readonly string[] Packages = [.. LibraryPackages, "Kiln.Templates"];

    /// <summary>The custom debug information that holds a portable pdb's SourceLink JSON.</summary>
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    [Fact]
    public void Publish_puts_every_package_and_its_symbols_into_the_local_feed()
    {
        Assert.Equal("Succeeded", published.FirstPublish.Status("Publish"));
        var feedFiles = Directory.GetFiles(published.Feed, "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var package in Packages)
        {
            Assert.Contains($"{package}.{published.Version}.nupkg", feedFiles);
        }

        foreach (var package in LibraryPackages)
        {
            Assert.Contains($"{package}.{published.Version}.snupkg", feedFiles);
        }
    }

    [Fact]
    public void Publish_runs_again_without_error_and_notes_every_package_as_already_published()
    {
        published.SecondPublish.AssertExitCode(0);
        Assert.Equal("Succeeded", published.SecondPublish.Status("Publish"));
        Assert.Contains($"0 published, {Packages.Length} already published", published.SecondPublish.Note("Publish"), StringComparison.Ordinal);
        foreach (var package in Packages)
        {
            Assert.Contains(published.SecondPublish.Lines, line => line.Contains($"{package} {published.Version} is already published", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Packing_the_same_commit_again_with_a_project_compiled_from_nothing_gives_byte_identical_packages()
    {
        Assert.Contains(published.SecondPublish.Lines, line => line.Contains($"{published.RecompiledProject} -> ", StringComparison.Ordinal));
        foreach (var file in Directory.GetFiles(published.FirstPackages))
        {
            var again = Path.Combine(published.SecondPackages, Path.GetFileName(file));
            Assert.True(File.Exists(again), $"{Path.GetFileName(file)} was not packed again.");
            Assert.Equal(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file))), Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(again))));
        }

        Assert.Equal(Packages.Length + LibraryPackages.Length, Directory.GetFiles(published.FirstPackages).Length);
    }

    [Fact]
    public void A_package_carries_its_version_license_readme_and_the_commit_it_was_built_from()
    {
        using var package = ZipFile.OpenRead(Path.Combine(published.FirstPackages, $"Kiln.{published.Version}.nupkg"));
        var metadata = Nuspec(package);

        Assert.Equal("Kiln", Value(metadata, "id"));
        Assert.Equal(published.Version, Value(metadata, "version"));
        Assert.Equal("MIT", Value(metadata, "license"));
        Assert.Equal("README.md", Value(metadata, "readme"));
        Assert.NotNull(package.GetEntry("README.md"));
        var repository = metadata.Elements().Single(element => element.Name.LocalName == "repository");
        Assert.Equal("https://github.com/kiln/kiln.git", (string?)repository.Attribute("url"));
        Assert.Matches("^[0-9a-f]{40}$", (string?)repository.Attribute("commit") ?? string.Empty);
    }

    [Fact]
    public void The_symbol_package_pdb_links_every_source_to_the_commit_on_GitHub()
    {
        using var symbols = ZipFile.OpenRead(Path.Combine(published.FirstPackages, $"Kiln.{published.Version}.snupkg"));
        using var pdb = new MemoryStream();
        using (var entry = symbols.GetEntry("lib/net10.0/Kiln.pdb")!.Open())
        {
            entry.CopyTo(pdb);
        }

        pdb.Position = 0;
        using var provider = MetadataReaderProvider.FromPortablePdbStream(pdb);
        var reader = provider.GetMetadataReader();
        var sourceLink = reader.CustomDebugInformation
            .Select(reader.GetCustomDebugInformation)
            .Where(information => reader.GetGuid(information.Kind) == SourceLinkKind)
            .Select(information => Encoding.UTF8.GetString(reader.GetBlobBytes(information.Value)))
            .Single();

        Assert.Matches(@"https://raw\.githubusercontent\.com/kiln/kiln/[0-9a-f]{40}/\*", sourceLink);
    }

    [Fact]
    public async Task A_project_restores_Kiln_Components_and_the_Kiln_packages_it_depends_on_from_the_published_feed()
    {
        var project = Directory.CreateDirectory(Path.Combine(published.Scratch, "consumer")).FullName;
        var packages = Path.Combine(project, "packages");
        await File.WriteAllTextAsync(Path.Combine(project, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Kiln.Components" Version="{published.Version}" />
              </ItemGroup>
            </Project>
            """);
        await NuGetConfigFile.WriteAsync(project, published.Feed, packages);
        string[] kilnPackages = ["kiln.components", "kiln", "kiln.versioning", "kiln.azure"];
        var version = published.Version.ToLowerInvariant();
        // The machine cache is a fallback folder: a package of the same version there (restored by hand from a local
        // Pack, which versions from the same history) would be taken instead of the feed's.
        var shadowing = kilnPackages.Where(package => Directory.Exists(Path.Combine(NuGetConfigFile.MachineCache, package, version))).ToList();
        Assert.True(
            shadowing.Count == 0,
            $"The machine's package cache holds {string.Join(", ", shadowing)} {version}, the version under test, so NuGet would not take them from the published feed: delete {Path.Combine(NuGetConfigFile.MachineCache, "kiln*")} and run the test again.");

        var (exitCode, output, error) = await ScratchProcess.RunAsync("dotnet", project, ["restore"], TimeSpan.FromMinutes(3));

        Assert.True(exitCode == 0, $"dotnet restore failed:{Environment.NewLine}{output}{error}");
        foreach (var package in kilnPackages)
        {
            Assert.True(Directory.Exists(Path.Combine(packages, package, version)), $"{package} was not restored from the published feed.");
        }
    }

    private static XElement Nuspec(ZipArchive package)
    {
        var nuspec = package.Entries.Single(entry => entry.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = nuspec.Open();
        return XDocument.Load(stream).Root!.Elements().Single(element => element.Name.LocalName == "metadata");
    }

    private static string? Value(XElement metadata, string name) =>
        metadata.Elements().SingleOrDefault(element => element.Name.LocalName == name)?.Value;
}
