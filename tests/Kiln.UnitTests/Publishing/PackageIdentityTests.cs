using System.IO.Compression;
using Kiln.Publishing;

namespace Kiln.UnitTests.Publishing;

public sealed class PackageIdentityTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("kiln-identity-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void PackageIdentity_reads_the_id_and_version_from_the_nuspec()
    {
        var identity = PackageIdentity.FromFile(SamplePackage.Write(folder, "Kiln.Components", "1.2.0-beta.3"));

        Assert.Equal(new PackageIdentity("Kiln.Components", "1.2.0-beta.3"), identity);
        Assert.Equal("Kiln.Components.1.2.0-beta.3.nupkg", identity.FileName);
        Assert.Equal("Kiln.Components.1.2.0-beta.3.snupkg", identity.SymbolsFileName);
        Assert.Equal("Kiln.Components 1.2.0-beta.3", identity.ToString());
    }

    [Theory]
    [InlineData("1.2.0", "1.2.0")]
    [InlineData("1.2", "1.2.0")]
    [InlineData("1.2.0.0", "1.2.0")]
    [InlineData("1.2.3.4", "1.2.3.4")]
    [InlineData("01.002.3", "1.2.3")]
    [InlineData("1.2.0+sha.5b1e3f2", "1.2.0")]
    [InlineData("1.2.0-Beta.1+sha.5b1e3f2", "1.2.0-Beta.1")]
    public void PackageIdentity_normalizes_the_version_as_NuGet_names_the_file(string version, string normalized)
    {
        var identity = new PackageIdentity("Kiln", version);

        Assert.Equal(normalized, identity.NormalizedVersion);
        Assert.Equal($"Kiln.{normalized}.nupkg", identity.FileName);
    }

    [Theory]
    [InlineData("1.2.0", false)]
    [InlineData("1.2.0+sha.abc-def", false)]
    [InlineData("1.2.0-beta.3", true)]
    [InlineData("0.0.1-16", true)]
    public void PackageIdentity_knows_a_pre_release_by_its_label(string version, bool prerelease)
    {
        Assert.Equal(prerelease, new PackageIdentity("Kiln", version).IsPrerelease);
    }

    [Fact]
    public void PackageIdentity_says_a_file_that_is_not_a_zip_is_not_a_package()
    {
        var path = Path.Combine(folder, "Broken.1.0.0.nupkg");
        File.WriteAllText(path, "not a zip");

        var exception = Assert.Throws<KilnException>(() => PackageIdentity.FromFile(path));

        Assert.Equal($"{path} is not a NuGet package (no zip with a readable .nuspec): pack it again with dotnet pack.", exception.Message);
    }

    [Fact]
    public void PackageIdentity_says_a_zip_without_a_nuspec_is_not_a_package()
    {
        var path = Path.Combine(folder, "Empty.1.0.0.nupkg");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            zip.CreateEntry("lib/readme.txt");
        }

        var exception = Assert.Throws<KilnException>(() => PackageIdentity.FromFile(path));

        Assert.Equal($"{path} has no .nuspec at its root, so it is not a NuGet package: pack it again with dotnet pack.", exception.Message);
    }

    [Fact]
    public void PackageIdentity_says_a_missing_file_needs_Pack_first()
    {
        var path = Path.Combine(folder, "Kiln.1.0.0.nupkg");

        var exception = Assert.Throws<KilnException>(() => PackageIdentity.FromFile(path));

        Assert.Equal($"{path} does not exist: run Pack first, or pass the .nupkg files Pack wrote.", exception.Message);
    }
}
