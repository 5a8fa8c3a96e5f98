namespace Kiln.UnitTests;

public sealed class AbsolutePathCopyMoveTests : IDisposable
{
    private readonly TemporaryDirectory temporary = new();

    private AbsolutePath Root => temporary.Path;

    public void Dispose() => temporary.Dispose();

    [Fact]
    public void Copy_of_a_file_creates_the_target_folder_and_returns_the_target()
    {
        var source = temporary.File("a.txt", "a");

        var copy = source.Copy(Root / "out/deep/b.txt");

        Assert.Equal(Root / "out/deep/b.txt", copy);
        Assert.Equal("a", copy.ReadAllText());
        Assert.True(source.FileExists());
    }

    [Fact]
    public void Copy_onto_an_existing_file_fails_by_default_and_names_the_policies()
    {
        var source = temporary.File("a.txt", "new");
        var target = temporary.File("b.txt", "old");

        var exception = Assert.Throws<KilnException>(() => source.Copy(target));

        Assert.Equal($"Cannot copy '{source}' to '{target}': the file exists. Pass ExistsPolicy.FileOverwrite (or FileSkip, FileOverwriteIfNewer) to replace or keep it.", exception.Message);
        Assert.Equal("old", target.ReadAllText());
    }

    [Theory]
    [InlineData(ExistsPolicy.FileSkip, "old")]
    [InlineData(ExistsPolicy.FileOverwrite, "new")]
    public void Copy_onto_an_existing_file_follows_the_policy(ExistsPolicy policy, string expected)
    {
        var source = temporary.File("a.txt", "new");
        var target = temporary.File("b.txt", "old");

        Assert.Equal(expected, source.Copy(target, policy).ReadAllText());
    }

    [Fact]
    public void Copy_with_OverwriteIfNewer_replaces_only_an_older_target()
    {
        var source = temporary.File("a.txt", "new");
        var older = temporary.File("older.txt", "old");
        var newer = temporary.File("newer.txt", "newest");
        File.SetLastWriteTimeUtc(source, new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc));
        File.SetLastWriteTimeUtc(older, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        File.SetLastWriteTimeUtc(newer, new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc));

        source.Copy(older, ExistsPolicy.FileOverwriteIfNewer);
        source.Copy(newer, ExistsPolicy.FileOverwriteIfNewer);

        Assert.Equal("new", older.ReadAllText());
        Assert.Equal("newest", newer.ReadAllText());
    }

    [Fact]
    public void Copy_of_a_folder_copies_everything_in_it_empty_folders_included()
    {
        temporary.File("site/index.html", "<html>");
        temporary.File("site/css/site.css", "body{}");
        (Root / "site/empty").CreateDirectory();

        var copy = (Root / "site").Copy(Root / "out/site");

        Assert.Equal("<html>", (copy / "index.html").ReadAllText());
        Assert.Equal("body{}", (copy / "css/site.css").ReadAllText());
        Assert.True((copy / "empty").DirectoryExists());
    }

    [Fact]
    public void Copy_of_a_folder_onto_an_existing_folder_fails_unless_the_policy_merges()
    {
        temporary.File("site/index.html", "new");
        temporary.File("site/about.html", "about");
        temporary.File("out/index.html", "old");
        temporary.File("out/keep.html", "keep");

        var exception = Assert.Throws<KilnException>(() => (Root / "site").Copy(Root / "out"));
        (Root / "site").Copy(Root / "out", ExistsPolicy.MergeAndSkip);

        Assert.Contains("the folder exists. Pass ExistsPolicy.MergeAndOverwrite", exception.Message, StringComparison.Ordinal);
        Assert.Equal("old", (Root / "out/index.html").ReadAllText());
        Assert.Equal("about", (Root / "out/about.html").ReadAllText());
        Assert.Equal("keep", (Root / "out/keep.html").ReadAllText());
    }

    [Fact]
    public void Copy_of_a_missing_source_names_it()
    {
        var exception = Assert.Throws<KilnException>(() => (Root / "missing").Copy(Root / "out"));

        Assert.Equal($"Cannot copy '{Root / "missing"}': no file or folder is there.", exception.Message);
    }

    [Fact]
    public void Copy_of_a_folder_into_itself_is_refused()
    {
        temporary.File("site/index.html");

        Assert.Throws<KilnException>(() => (Root / "site").Copy(Root / "site/backup"));
    }

    [Fact]
    public void Move_of_a_file_removes_the_source_and_returns_the_target()
    {
        var source = temporary.File("a.txt", "a");

        var moved = source.Move(Root / "out/b.txt");

        Assert.False(source.Exists());
        Assert.Equal("a", moved.ReadAllText());
    }

    [Fact]
    public void Move_of_a_folder_to_a_new_place_moves_it_whole()
    {
        temporary.File("site/css/site.css", "body{}");

        var moved = (Root / "site").MoveToDirectory(Root / "out");

        Assert.Equal(Root / "out/site", moved);
        Assert.Equal("body{}", (moved / "css/site.css").ReadAllText());
        Assert.False((Root / "site").Exists());
    }

    [Fact]
    public void Move_merging_folders_leaves_skipped_files_behind_and_deletes_the_emptied_source()
    {
        temporary.File("a/same.txt", "new");
        temporary.File("a/sub/only.txt", "only");
        temporary.File("b/same.txt", "old");

        (Root / "a").Move(Root / "b", ExistsPolicy.MergeAndSkip);

        Assert.Equal("old", (Root / "b/same.txt").ReadAllText());
        Assert.Equal("only", (Root / "b/sub/only.txt").ReadAllText());
        Assert.True((Root / "a/same.txt").FileExists());
        Assert.False((Root / "a/sub").Exists());
    }

    [Fact]
    public void Move_merging_with_overwrite_replaces_files_and_removes_the_source()
    {
        temporary.File("a/same.txt", "new");
        temporary.File("b/same.txt", "old");

        (Root / "a").Move(Root / "b", ExistsPolicy.MergeAndOverwrite);

        Assert.Equal("new", (Root / "b/same.txt").ReadAllText());
        Assert.False((Root / "a").Exists());
    }

    [Fact]
    public void Rename_keeps_the_folder_and_changes_the_name()
    {
        var source = temporary.File("out/Kiln.nupkg", "zip");

        var renamed = source.Rename("Kiln.1.0.0.nupkg");

        Assert.Equal(Root / "out/Kiln.1.0.0.nupkg", renamed);
        Assert.Equal("zip", renamed.ReadAllText());
    }
}
