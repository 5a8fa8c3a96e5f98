using System.Security.Cryptography;
using Kiln.Publishing;

namespace Kiln.UnitTests.Publishing;

public sealed class FolderFeedTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("kiln-feed-").FullName;

    private string Packages => Path.Combine(root, "packages");

    private string Feed => Path.Combine(root, "feed");

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void A_new_feed_is_flat_and_gets_the_package_and_its_symbols_with_no_temporary_files()
    {
        var package = SamplePackage.Write(Packages, "Kiln", "1.0.0");

        var outcome = new FolderFeed(Feed).Publish(package, PackageIdentity.FromFile(package));

        Assert.Equal(PublishOutcome.Published, outcome);
        Assert.Equal(["Kiln.1.0.0.nupkg", "Kiln.1.0.0.snupkg"], FeedFiles());
        Assert.Equal(File.ReadAllBytes(package), File.ReadAllBytes(Path.Combine(Feed, "Kiln.1.0.0.nupkg")));
        Assert.Equal(File.ReadAllBytes(Path.ChangeExtension(package, ".snupkg")), File.ReadAllBytes(Path.Combine(Feed, "Kiln.1.0.0.snupkg")));
    }

    [Fact]
    public void A_package_without_symbols_is_published_alone()
    {
        var package = SamplePackage.Write(Packages, "Kiln", "1.0.0", withSymbols: false);

        new FolderFeed(Feed).Publish(package, PackageIdentity.FromFile(package));

        Assert.Equal(["Kiln.1.0.0.nupkg"], FeedFiles());
    }

    [Fact]
    public void A_version_with_build_metadata_is_published_under_its_normalized_name()
    {
        var package = SamplePackage.Write(Packages, "Kiln", "1.0.0+sha.5b1e3f2", withSymbols: false);

        new FolderFeed(Feed).Publish(package, PackageIdentity.FromFile(package));

        Assert.Equal(["Kiln.1.0.0.nupkg"], FeedFiles());
    }

    [Fact]
    public void The_same_version_with_the_same_bytes_is_already_published_and_left_untouched()
    {
        var package = SamplePackage.Write(Packages, "Kiln", "1.0.0");
        var feed = new FolderFeed(Feed);
        feed.Publish(package, PackageIdentity.FromFile(package));
        var published = Path.Combine(Feed, "Kiln.1.0.0.nupkg");
        var writtenAt = File.GetLastWriteTimeUtc(published);

        var outcome = feed.Publish(package, PackageIdentity.FromFile(package));

        Assert.Equal(PublishOutcome.AlreadyPublished, outcome);
        Assert.Equal(writtenAt, File.GetLastWriteTimeUtc(published));
        Assert.Equal(["Kiln.1.0.0.nupkg", "Kiln.1.0.0.snupkg"], FeedFiles());
    }

    [Fact]
    public void The_same_version_with_other_content_is_refused_and_never_overwritten()
    {
        var first = SamplePackage.Write(Path.Combine(root, "first"), "Kiln", "1.0.0", content: "first");
        var second = SamplePackage.Write(Path.Combine(root, "second"), "Kiln", "1.0.0", content: "second");
        var feed = new FolderFeed(Feed);
        feed.Publish(first, PackageIdentity.FromFile(first));

        var exception = Assert.Throws<KilnException>(() => feed.Publish(second, PackageIdentity.FromFile(second)));

        Assert.Equal(
            $"Kiln 1.0.0 is already in {Feed} with different content: a published version is never overwritten; bump the version (commit or tag) and publish again.",
            exception.Message);
        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(Path.Combine(Feed, "Kiln.1.0.0.nupkg")));
        Assert.Equal(File.ReadAllBytes(Path.ChangeExtension(first, ".snupkg")), File.ReadAllBytes(Path.Combine(Feed, "Kiln.1.0.0.snupkg")));
    }

    [Fact]
    public void The_same_package_with_other_symbols_is_refused_and_the_symbols_never_overwritten()
    {
        var package = SamplePackage.Write(Packages, "Kiln", "1.0.0");
        var feed = new FolderFeed(Feed);
        feed.Publish(package, PackageIdentity.FromFile(package));
        var publishedSymbols = File.ReadAllBytes(Path.Combine(Feed, "Kiln.1.0.0.snupkg"));
        File.WriteAllText(Path.ChangeExtension(package, ".snupkg"), "other symbols");

        var exception = Assert.Throws<KilnException>(() => feed.Publish(package, PackageIdentity.FromFile(package)));

        Assert.Equal(
            $"Kiln 1.0.0 is already in {Feed} with different symbols: a published version is never overwritten; bump the version (commit or tag) and publish again.",
            exception.Message);
        Assert.Equal(publishedSymbols, File.ReadAllBytes(Path.Combine(Feed, "Kiln.1.0.0.snupkg")));
    }

    [Fact]
    public void Versions_are_compared_ignoring_case_as_NuGet_does()
    {
        var package = SamplePackage.Write(Packages, "Kiln", "1.0.0-Beta", withSymbols: false);
        File.Copy(package, Path.Combine(Directory.CreateDirectory(Feed).FullName, "kiln.1.0.0-beta.nupkg"));

        Assert.Equal(PublishOutcome.AlreadyPublished, new FolderFeed(Feed).Publish(package, PackageIdentity.FromFile(package)));
        Assert.Equal(["kiln.1.0.0-beta.nupkg"], FeedFiles());
    }

    [Fact]
    public void A_feed_with_packages_at_its_root_is_flat()
    {
        SamplePackage.Write(Feed, "Other", "1.0.0", withSymbols: false);

        Assert.Equal(FolderFeedLayout.Flat, new FolderFeed(Feed).Layout);
    }

    [Fact]
    public void A_feed_with_id_and_version_folders_only_is_hierarchical()
    {
        SamplePackage.Write(Path.Combine(Feed, "other", "1.0.0"), "other", "1.0.0", withSymbols: false);

        Assert.Equal(FolderFeedLayout.Hierarchical, new FolderFeed(Feed).Layout);
    }

    [Fact]
    public void A_missing_or_empty_feed_is_flat_as_dotnet_nuget_push_makes_it()
    {
        Assert.Equal(FolderFeedLayout.Flat, new FolderFeed(Feed).Layout);
        Directory.CreateDirectory(Feed);
        Assert.Equal(FolderFeedLayout.Flat, new FolderFeed(Feed).Layout);
    }

    [Fact]
    public void A_version_in_the_hierarchical_layout_counts_as_published()
    {
        var package = SamplePackage.Write(Packages, "Kiln.Components", "2.0.0", withSymbols: false);
        var versionFolder = Directory.CreateDirectory(Path.Combine(Feed, "kiln.components", "2.0.0")).FullName;
        File.Copy(package, Path.Combine(versionFolder, "kiln.components.2.0.0.nupkg"));
        File.WriteAllText(Path.Combine(versionFolder, "kiln.components.nuspec"), "<package />");
        File.WriteAllText(Path.Combine(versionFolder, "kiln.components.2.0.0.nupkg.sha512"), Sha512(package));

        var outcome = new FolderFeed(Feed).Publish(package, PackageIdentity.FromFile(package));

        Assert.Equal(PublishOutcome.AlreadyPublished, outcome);
        Assert.False(File.Exists(Path.Combine(Feed, "Kiln.Components.2.0.0.nupkg")));
    }

    [Fact]
    public void A_new_version_in_a_hierarchical_feed_gets_the_nuspec_and_sha512_NuGet_needs_to_list_it()
    {
        SamplePackage.Write(Path.Combine(Feed, "other", "1.0.0"), "other", "1.0.0", withSymbols: false);
        var package = SamplePackage.Write(Packages, "Kiln.Components", "2.0.0-Beta");

        var outcome = new FolderFeed(Feed).Publish(package, PackageIdentity.FromFile(package));

        Assert.Equal(PublishOutcome.Published, outcome);
        var versionFolder = Path.Combine(Feed, "kiln.components", "2.0.0-beta");
        Assert.Equal(
            ["kiln.components.2.0.0-beta.nupkg", "kiln.components.2.0.0-beta.nupkg.sha512", "kiln.components.2.0.0-beta.snupkg", "kiln.components.nuspec"],
            Directory.GetFiles(versionFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(Sha512(package), File.ReadAllText(Path.Combine(versionFolder, "kiln.components.2.0.0-beta.nupkg.sha512")));
        Assert.Contains("<id>Kiln.Components</id>", File.ReadAllText(Path.Combine(versionFolder, "kiln.components.nuspec")), StringComparison.Ordinal);
    }

    [Fact]
    public void Symbols_missing_beside_a_published_package_are_added_and_the_version_counts_as_already_published()
    {
        var package = SamplePackage.Write(Packages, "Kiln", "1.0.0");
        File.Copy(package, Path.Combine(Directory.CreateDirectory(Feed).FullName, "Kiln.1.0.0.nupkg"));

        var outcome = new FolderFeed(Feed).Publish(package, PackageIdentity.FromFile(package));

        Assert.Equal(PublishOutcome.AlreadyPublished, outcome);
        Assert.Equal(File.ReadAllBytes(Path.ChangeExtension(package, ".snupkg")), File.ReadAllBytes(Path.Combine(Feed, "Kiln.1.0.0.snupkg")));
    }

    [Fact]
    public void Symbols_left_by_an_interrupted_publish_are_replaced_and_the_package_published()
    {
        var package = SamplePackage.Write(Packages, "Kiln", "1.0.0");
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(Feed).FullName, "Kiln.1.0.0.snupkg"), "symbols of an earlier build");

        var outcome = new FolderFeed(Feed).Publish(package, PackageIdentity.FromFile(package));

        Assert.Equal(PublishOutcome.Published, outcome);
        Assert.Equal(File.ReadAllBytes(Path.ChangeExtension(package, ".snupkg")), File.ReadAllBytes(Path.Combine(Feed, "Kiln.1.0.0.snupkg")));
    }

    [Fact]
    public void A_hierarchical_package_interrupted_before_its_sha512_is_finished_and_counts_as_published()
    {
        var package = SamplePackage.Write(Packages, "Kiln", "1.0.0", withSymbols: false);
        var versionFolder = Directory.CreateDirectory(Path.Combine(Feed, "kiln", "1.0.0")).FullName;
        File.Copy(package, Path.Combine(versionFolder, "kiln.1.0.0.nupkg"));

        var outcome = new FolderFeed(Feed).Publish(package, PackageIdentity.FromFile(package));

        Assert.Equal(PublishOutcome.Published, outcome);
        Assert.Equal(Sha512(package), File.ReadAllText(Path.Combine(versionFolder, "kiln.1.0.0.nupkg.sha512")));
        Assert.True(File.Exists(Path.Combine(versionFolder, "kiln.nuspec")));
    }

    private static string Sha512(string file) => Convert.ToBase64String(SHA512.HashData(File.ReadAllBytes(file)));

    private string[] FeedFiles() =>
        Directory.GetFiles(Feed, "*", SearchOption.AllDirectories).Select(file => Path.GetRelativePath(Feed, file)).Order(StringComparer.Ordinal).ToArray();
}
