using System.Text;
using Kiln.Azure.Releases;

namespace Kiln.UnitTests.Azure.Releases;

public sealed class ReleaseManifestTests
{
    [Fact]
    public void A_manifest_is_written_as_every_earlier_version_wrote_it()
    {
        var manifest = new ReleaseManifest("1.0.0", [new("z.txt", 1, "aa")]) { GitRef = "refs/tags/v1.0.0", Commit = null };

        Assert.Equal(
            "{\n  \"version\": \"1.0.0\",\n  \"files\": [\n    {\n      \"path\": \"z.txt\",\n      \"length\": 1,\n      \"sha256\": \"aa\"\n    }\n  ],\n  \"gitRef\": \"refs/tags/v1.0.0\",\n  \"commit\": null\n}",
            Encoding.UTF8.GetString(manifest.ToJson()).ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task A_bundle_hashes_every_file_into_a_manifest_in_path_order()
    {
        var manifest = await new ReleaseBundle("1.2.0")
            .AddContent("z.txt", Encoding.UTF8.GetBytes("z"))
            .AddContent("packages/a.nupkg", Encoding.UTF8.GetBytes("abc"))
            .CreateManifestAsync();

        Assert.Equal(["packages/a.nupkg", "z.txt"], manifest.Files.Select(file => file.Path));
        Assert.Equal(new ReleaseFile("packages/a.nupkg", 3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"), manifest.Files[0]);
        Assert.Equal(4, manifest.TotalLength);
    }

    [Fact]
    public void The_same_files_give_the_same_bytes_and_the_json_round_trips()
    {
        var first = new ReleaseManifest("1.0.0", [new("b", 1, "bb"), new("a", 2, "aa")]);
        var second = new ReleaseManifest("1.0.0", [new("a", 2, "aa"), new("b", 1, "bb")]);

        Assert.Equal(first.ToJson(), second.ToJson());
        var parsed = ReleaseManifest.Parse(first.ToJson(), "manifest.json");
        Assert.Equal(first.Files, parsed.Files);
        Assert.Equal("1.0.0", parsed.Version);
        Assert.Contains("\"sha256\": \"aa\"", Encoding.UTF8.GetString(first.ToJson()), StringComparison.Ordinal);
    }

    [Fact]
    public void The_git_ref_and_commit_a_release_was_built_from_round_trip_and_do_not_make_it_another_release()
    {
        var files = new ReleaseFile[] { new("a", 1, "aa") };
        var built = new ReleaseManifest("1.0.0", files).BuiltFrom(new ReleaseOrigin("abc123", null) { GitRef = "refs/tags/v1.0.0" });

        var parsed = ReleaseManifest.Parse(built.ToJson(), "manifest.json");

        Assert.Equal(("refs/tags/v1.0.0", "abc123"), (parsed.GitRef, parsed.Commit));
        Assert.Null(parsed.FirstDifference(new ReleaseManifest("1.0.0", files)));
    }

    [Fact]
    public void A_manifest_written_before_refs_were_recorded_reads_with_no_ref()
    {
        var parsed = ReleaseManifest.Parse("""{ "version": "1.0.0", "files": [ { "path": "a", "length": 1, "sha256": "aa" } ] }"""u8, "manifest.json");

        Assert.Null(parsed.GitRef);
        Assert.Null(parsed.Commit);
    }

    [Fact]
    public void The_first_difference_names_the_file_that_changed_appeared_or_went()
    {
        var release = new ReleaseManifest("1.0.0", [new("a", 1, "aa"), new("b", 1, "bb")]);

        Assert.Null(release.FirstDifference(new ReleaseManifest("1.0.0", [new("b", 1, "bb"), new("a", 1, "aa")])));
        Assert.StartsWith("a differs", release.FirstDifference(new ReleaseManifest("1.0.0", [new("a", 1, "ab"), new("b", 1, "bb")])), StringComparison.Ordinal);
        Assert.Equal("b is new", release.FirstDifference(new ReleaseManifest("1.0.0", [new("a", 1, "aa")])));
        Assert.Equal("c is not in this bundle", release.FirstDifference(new ReleaseManifest("1.0.0", [new("a", 1, "aa"), new("b", 1, "bb"), new("c", 1, "cc")])));
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("/x")]
    [InlineData("a//b")]
    [InlineData("a\\b")]
    [InlineData("manifest.json")]
    public void Paths_that_could_escape_the_release_or_hide_its_manifest_are_refused(string path) =>
        Assert.Throws<ArgumentException>(() => new ReleaseBundle("1.0.0").AddContent(path, new byte[1]));

    [Theory]
    [InlineData("v1.0.0")]
    [InlineData("1.0.0/x")]
    [InlineData("")]
    [InlineData("1.0 0")]
    public void Versions_that_cannot_name_a_release_folder_are_refused(string version) =>
        Assert.ThrowsAny<ArgumentException>(() => new ReleaseBundle(version));

    [Fact]
    public void A_file_twice_is_refused() =>
        Assert.Throws<ArgumentException>(() => new ReleaseBundle("1.0.0").AddContent("a", new byte[1]).AddContent("a", new byte[1]));

    [Theory]
    [InlineData("{}")]
    [InlineData("not json")]
    [InlineData("{\"version\":\"1.0.0\",\"files\":[{\"path\":\"../x\",\"length\":1,\"sha256\":\"aa\"}]}")]
    public void A_blob_that_is_not_a_manifest_is_a_release_store_error(string json)
    {
        var error = Assert.Throws<ReleaseStoreException>(() => ReleaseManifest.Parse(Encoding.UTF8.GetBytes(json), "kiln/releases/1.0.0/manifest.json"));

        Assert.Contains("kiln/releases/1.0.0/manifest.json", error.Message, StringComparison.Ordinal);
    }
}
