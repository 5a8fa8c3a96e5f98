using Kiln.Publishing;

namespace Kiln.UnitTests.Publishing;

public sealed class NuGetSourceTests
{
    [Fact]
    public void A_relative_path_is_a_folder_feed_under_the_root_named_by_its_full_path()
    {
        var source = NuGetSource.Parse("artifacts/feed", "/repo");

        Assert.Equal("/repo/artifacts/feed", source.Folder);
        Assert.False(source.IsRemote);
        Assert.Equal("/repo/artifacts/feed", source.ToString());
    }

    [Fact]
    public void An_absolute_path_is_a_folder_feed_wherever_the_root_is()
    {
        Assert.Equal("/srv/feed", NuGetSource.Parse("/srv/feed", "/repo").Folder);
    }

    [Fact]
    public void A_file_uri_is_a_folder_feed()
    {
        Assert.Equal("/srv/feed", NuGetSource.Parse("file:///srv/feed", "/repo").Folder);
    }

    [Fact]
    public void An_https_url_is_a_remote_source_by_its_service_index()
    {
        var source = NuGetSource.Parse("https://api.nuget.org/v3/index.json", "/repo");

        Assert.True(source.IsRemote);
        Assert.Equal(new Uri("https://api.nuget.org/v3/index.json"), source.ServiceIndex);
        Assert.Null(source.Folder);
        Assert.Equal("https://api.nuget.org/v3/index.json", source.ToString());
    }

    [Fact]
    public void A_remote_source_is_named_without_the_user_and_password_in_its_url()
    {
        Assert.Equal("https://feed.example.org/v3/index.json", NuGetSource.Parse("https://me:p4ss@feed.example.org/v3/index.json", "/repo").ToString());
    }

    [Fact]
    public void Another_kind_of_uri_is_refused_with_the_kinds_that_work()
    {
        var exception = Assert.Throws<KilnException>(() => NuGetSource.Parse("ftp://feed.example.org/", "/repo"));

        Assert.Equal(
            "--nuget-source ftp://feed.example.org/ is neither a folder nor an http(s) NuGet source: give a path, or a service index URL such as https://api.nuget.org/v3/index.json.",
            exception.Message);
    }
}
