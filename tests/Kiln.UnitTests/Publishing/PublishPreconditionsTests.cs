using Kiln.Publishing;

namespace Kiln.UnitTests.Publishing;

public sealed class PublishPreconditionsTests
{
    private static readonly NuGetSource Remote = NuGetSource.Parse("https://nuget.example.org/v3/index.json", "/repo");
    private static readonly NuGetSource Folder = NuGetSource.Parse("artifacts/feed", "/repo");

    [Fact]
    public void Publish_refuses_a_Debug_configuration()
    {
        Assert.Equal("Publish needs --configuration Release, not Debug: Debug packages are not optimized.", PublishPreconditions.Configuration("Debug"));
    }

    [Fact]
    public void Publish_refuses_a_configuration_other_than_Release()
    {
        Assert.Equal("Publish needs --configuration Release, not Staging: only Release packages are published.", PublishPreconditions.Configuration("Staging"));
    }

    [Theory]
    [InlineData("Release")]
    [InlineData("release")]
    public void Publish_takes_the_Release_configuration(string configuration)
    {
        Assert.Null(PublishPreconditions.Configuration(configuration));
    }

    [Fact]
    public void Publish_refuses_a_working_tree_with_changes_naming_how_many_and_one_of_them()
    {
        Assert.Equal(
            "The working tree has uncommitted changes (2 files, e.g. src/Kiln/Log.cs): commit or stash them; Publish only ships committed code.",
            PublishPreconditions.WorkingTree([" M src/Kiln/Log.cs", "A  src/Kiln/New.cs"]));
    }

    [Fact]
    public void Publish_counts_an_untracked_file_as_an_uncommitted_change()
    {
        Assert.Equal(
            "The working tree has uncommitted changes (1 file, e.g. notes.txt): commit or stash them; Publish only ships committed code.",
            PublishPreconditions.WorkingTree(["?? notes.txt"]));
    }

    [Fact]
    public void Publish_names_a_renamed_file_by_its_new_path()
    {
        Assert.Equal(
            "The working tree has uncommitted changes (1 file, e.g. src/Kiln/Logging.cs): commit or stash them; Publish only ships committed code.",
            PublishPreconditions.WorkingTree(["R  src/Kiln/Log.cs -> src/Kiln/Logging.cs"]));
    }

    [Fact]
    public void Publish_takes_a_clean_working_tree_and_ignores_ignored_files()
    {
        Assert.Null(PublishPreconditions.WorkingTree([]));
        Assert.Null(PublishPreconditions.WorkingTree(["!! artifacts/packages/Kiln.1.0.0.nupkg"]));
    }

    [Fact]
    public void Publish_refuses_a_pre_release_to_a_stable_only_source()
    {
        Assert.Equal(
            "Kiln 1.2.0-beta.3 is a pre-release and https://nuget.example.org/v3/index.json takes stable versions only: publish from a release tag, or to another source.",
            PublishPreconditions.StableOnly([new("Kiln", "1.2.0"), new("Kiln", "1.2.0-beta.3")], Remote, stableOnly: true));
    }

    [Fact]
    public void Publish_takes_a_pre_release_to_a_source_not_marked_stable_only_and_a_stable_version_anywhere()
    {
        Assert.Null(PublishPreconditions.StableOnly([new("Kiln", "1.2.0-beta.3")], Remote, stableOnly: false));
        Assert.Null(PublishPreconditions.StableOnly([new("Kiln", "1.2.0+sha.5b1e3f2")], Remote, stableOnly: true));
    }

    [Fact]
    public void Publish_refuses_a_remote_source_without_an_api_key()
    {
        Assert.Equal(
            "--nuget-api-key is required to push to https://nuget.example.org/v3/index.json: pass it or set NUGET_API_KEY.",
            PublishPreconditions.ApiKey(Remote, apiKey: " "));
        Assert.Null(PublishPreconditions.ApiKey(Remote, "oy2key"));
    }

    [Fact]
    public void Publish_needs_no_api_key_for_a_folder_feed()
    {
        Assert.Null(PublishPreconditions.ApiKey(Folder, apiKey: null));
    }
}
