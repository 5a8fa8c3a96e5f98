using Kiln.Publishing;

namespace Kiln.UnitTests.Publishing;

public sealed class FolderFeedEntryTests
{
    private static readonly PackageIdentity Package = new("Kiln.Components", "1.2.0-Beta.1+sha.5b1e3f2");

    [Fact]
    public void The_flat_layout_keeps_the_files_in_the_feed_folder_under_their_packed_names()
    {
        var entry = FolderFeedEntry.For("/feed", Package, FolderFeedLayout.Flat);

        Assert.Equal(new FolderFeedEntry(FolderFeedLayout.Flat, "/feed/Kiln.Components.1.2.0-Beta.1.nupkg", "/feed/Kiln.Components.1.2.0-Beta.1.snupkg", null, null), entry);
    }

    [Fact]
    public void The_hierarchical_layout_puts_the_files_in_lower_case_id_and_version_folders_with_nuspec_and_hash()
    {
        var entry = FolderFeedEntry.For("/feed", Package, FolderFeedLayout.Hierarchical);

        Assert.Equal(
            new FolderFeedEntry(
                FolderFeedLayout.Hierarchical,
                "/feed/kiln.components/1.2.0-beta.1/kiln.components.1.2.0-beta.1.nupkg",
                "/feed/kiln.components/1.2.0-beta.1/kiln.components.1.2.0-beta.1.snupkg",
                "/feed/kiln.components/1.2.0-beta.1/kiln.components.nuspec",
                "/feed/kiln.components/1.2.0-beta.1/kiln.components.1.2.0-beta.1.nupkg.sha512"),
            entry);
    }
}
