using System.Text;
using Kiln.Azure;
using Kiln.Azure.Releases;

namespace Kiln.UnitTests.Azure.Releases;

public sealed class EnvironmentPointerTests
{
    [Fact]
    public void A_pointer_round_trips_with_its_commit_run_and_previous_version()
    {
        var pointer = new EnvironmentPointer("staging", "1.1.0", "deploy", new DateTimeOffset(2026, 12, 1, 22, 0, 0, TimeSpan.Zero), "abc", new Uri("https://github.com/o/r/actions/runs/7"), "1.0.0");

        var json = Encoding.UTF8.GetString(pointer.ToJson());

        Assert.Equal(pointer, EnvironmentPointer.Parse(pointer.ToJson(), "current.json"));
        Assert.Contains("\"previousVersion\": \"1.0.0\"", json, StringComparison.Ordinal);
        Assert.Contains("\"run\": \"https://github.com/o/r/actions/runs/7\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pointer_is_written_as_every_earlier_version_wrote_it()
    {
        var pointer = new EnvironmentPointer("staging", "1.1.0", "deploy", new DateTimeOffset(2026, 12, 1, 22, 0, 0, TimeSpan.Zero), null, null, "1.0.0");

        Assert.Equal(
            "{\n  \"environment\": \"staging\",\n  \"version\": \"1.1.0\",\n  \"action\": \"deploy\",\n  \"time\": \"2026-12-01T22:00:00+00:00\",\n  \"commit\": null,\n  \"run\": null,\n  \"previousVersion\": \"1.0.0\"\n}",
            Encoding.UTF8.GetString(pointer.ToJson()).ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("{\"version\":\"1.0.0\"}")]
    [InlineData("[")]
    public void A_blob_that_is_not_a_pointer_is_a_release_store_error(string json) =>
        Assert.Throws<ReleaseStoreException>(() => EnvironmentPointer.Parse(Encoding.UTF8.GetBytes(json), "current.json"));

    [Fact]
    public void History_entries_are_named_by_time_to_the_tick_then_version_so_they_sort_and_never_collide()
    {
        var first = ReleaseStore.HistoryEntryName(new DateTimeOffset(2026, 12, 1, 9, 5, 3, TimeSpan.FromHours(1)).AddTicks(1), "1.0.0");
        var second = ReleaseStore.HistoryEntryName(new DateTimeOffset(2026, 12, 1, 9, 5, 3, TimeSpan.FromHours(1)).AddTicks(2), "0.9.0");

        Assert.Equal("20261201T0805030000001Z-1.0.0.json", first);
        Assert.True(string.CompareOrdinal(first, second) < 0);
    }

    [Fact]
    public void The_store_lays_releases_pointers_and_history_out_under_its_prefix()
    {
        var store = new ReleaseStore(new BlobContainerClient("UseDevelopmentStorage=true", "kiln-releases"), "/kiln/");

        Assert.Equal("kiln/", store.PathPrefix);
        Assert.Equal("kiln/releases/1.0.0/a/b.nupkg", store.ReleaseBlobName("1.0.0", "a/b.nupkg"));
        Assert.Equal("kiln/environments/staging/current.json", store.PointerName("staging"));
        Assert.Equal("kiln/environments/staging/history/", store.HistoryFolder("staging"));
        Assert.Equal("http://127.0.0.1:10000/devstoreaccount1/kiln-releases/kiln/releases/1.0.0/", store.ReleaseUri("1.0.0").AbsoluteUri);
    }

    [Theory]
    [InlineData("a//b")]
    [InlineData("../x")]
    [InlineData("a\\b")]
    public void A_path_prefix_with_empty_or_parent_segments_is_refused(string prefix) =>
        Assert.Throws<ArgumentException>(() => new ReleaseStore(new BlobContainerClient("UseDevelopmentStorage=true", "c"), prefix));

    [Theory]
    [InlineData("Production")]
    [InlineData("1st")]
    [InlineData("a/b")]
    public void Environment_names_are_lower_case_words(string name) =>
        Assert.Throws<ArgumentException>(() => ReleaseStore.CheckEnvironment(name));

    [Theory]
    [InlineData("x.json", "application/json")]
    [InlineData("Kiln.1.0.0.nupkg", "application/zip")]
    [InlineData("index.html", "text/html; charset=utf-8")]
    [InlineData("blob", "application/octet-stream")]
    public void Release_files_get_a_content_type_from_their_extension(string path, string contentType) =>
        Assert.Equal(contentType, ReleaseStore.ContentTypeOf(path));
}
