namespace Kiln.UnitTests;

public sealed class AbsolutePathFileSystemTests : IDisposable
{
    private readonly TemporaryDirectory temporary = new();

    private AbsolutePath Root => temporary.Path;

    public void Dispose() => temporary.Dispose();

    [Fact]
    public void GlobFiles_returns_matching_files_in_ordinal_order_without_excluded_ones()
    {
        temporary.File("src/B/B.csproj");
        temporary.File("src/A/A.csproj");
        temporary.File("src/A/bin/Copy.csproj");
        temporary.File("src/A/A.cs");

        var projects = Root.GlobFiles("src/**/*.csproj", "!**/bin/**");

        Assert.Equal([Root / "src/A/A.csproj", Root / "src/B/B.csproj"], projects);
    }

    [Fact]
    public void GlobFiles_accepts_patterns_written_with_backslashes()
    {
        temporary.File("tests/Unit/Unit.csproj");

        Assert.Equal([Root / "tests/Unit/Unit.csproj"], Root.GlobFiles(@"tests\**\*.csproj"));
    }

    [Fact]
    public void GlobFiles_and_GlobDirectories_find_nothing_under_a_missing_folder()
    {
        Assert.Empty((Root / "missing").GlobFiles("**/*"));
        Assert.Empty((Root / "missing").GlobDirectories("**"));
    }

    [Fact]
    public void GlobDirectories_matches_folders_by_their_last_segment()
    {
        temporary.File("src/A/bin/Debug/a.dll");
        temporary.File("src/A/obj/a.json");
        temporary.File("tests/T/bin/t.dll");

        var folders = Root.GlobDirectories("**/bin", "**/obj");

        Assert.Equal([Root / "src/A/bin", Root / "src/A/obj", Root / "tests/T/bin"], folders);
    }

    [Fact]
    public void DeleteDirectories_deletes_every_globbed_folder_and_leaves_the_rest()
    {
        temporary.File("src/A/bin/a.dll");
        temporary.File("src/A/obj/a.json");
        var source = temporary.File("src/A/A.cs", "class A;");
        File.SetAttributes(Root / "src/A/obj/a.json", FileAttributes.ReadOnly);

        Root.GlobDirectories("**/bin", "**/obj").DeleteDirectories();

        Assert.False((Root / "src/A/bin").DirectoryExists());
        Assert.False((Root / "src/A/obj").DirectoryExists());
        Assert.Equal("class A;", source.ReadAllText());
    }

    [Fact]
    public void DeleteDirectory_and_DeleteFile_pass_over_what_does_not_exist()
    {
        (Root / "missing").DeleteDirectory();
        (Root / "missing.txt").DeleteFile();

        Assert.True(Root.DirectoryExists());
    }

    [Fact]
    public void CreateOrCleanDirectory_creates_a_missing_folder()
    {
        var artifacts = (Root / "artifacts").CreateOrCleanDirectory();

        Assert.True(artifacts.DirectoryExists());
        Assert.Equal(Root / "artifacts", artifacts);
    }

    [Fact]
    public void CreateOrCleanDirectory_empties_an_existing_folder_and_keeps_it()
    {
        temporary.File("artifacts/packages/a.nupkg");
        temporary.File("artifacts/plan.md");

        var artifacts = (Root / "artifacts").CreateOrCleanDirectory();

        Assert.True(artifacts.DirectoryExists());
        Assert.Empty(Directory.EnumerateFileSystemEntries(artifacts));
    }

    [Fact]
    public void CreateDirectory_creates_parents_and_returns_the_path()
    {
        var folder = (Root / "a/b/c").CreateDirectory();

        Assert.True(folder.DirectoryExists());
        Assert.Equal(folder, folder.CreateDirectory());
    }

    [Fact]
    public void WriteAllText_creates_parent_folders_and_ReadAllText_reads_it_back_without_a_byte_order_mark()
    {
        var file = (Root / "out/notes.txt").WriteAllText("Ünïcode");

        Assert.Equal("Ünïcode", file.ReadAllText());
        Assert.Equal((byte)0xC3, File.ReadAllBytes(file)[0]);
    }

    [Fact]
    public void Exists_FileExists_and_DirectoryExists_tell_files_from_folders()
    {
        var file = temporary.File("a.txt");

        Assert.True(file.Exists());
        Assert.True(file.FileExists());
        Assert.False(file.DirectoryExists());
        Assert.True(Root.Exists());
        Assert.True(Root.DirectoryExists());
        Assert.False(Root.FileExists());
        Assert.False((Root / "b.txt").Exists());
    }

    [Fact]
    public void ContainsFile_looks_in_the_folder_itself_unless_asked_to_look_below()
    {
        temporary.File("Kiln.sln");
        temporary.File("src/Kiln/Kiln.csproj");

        Assert.True(Root.ContainsFile("*.sln"));
        Assert.False(Root.ContainsFile("*.csproj"));
        Assert.True(Root.ContainsFile("*.csproj", SearchOption.AllDirectories));
        Assert.True(Root.ContainsDirectory("src"));
        Assert.False((Root / "missing").ContainsFile("*"));
    }
}
