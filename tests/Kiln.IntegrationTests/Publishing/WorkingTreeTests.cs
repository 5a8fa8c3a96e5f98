using Kiln.Execution;
using Kiln.Hosts;
using Kiln.IntegrationTests.Versioning;
using Kiln.Publishing;

namespace Kiln.IntegrationTests.Publishing;

/// <summary>The uncommitted-changes refusal, asked of real git in a scratch repository.</summary>
public sealed class WorkingTreeTests : IDisposable
{
    private readonly StringWriter output = new();

    public WorkingTreeTests() => BuildContext.Current = new BuildContext(new ConsoleHost(output, new SecretMasker(), useColors: false), CancellationToken.None);

    public void Dispose() => output.Dispose();

    [Fact]
    public async Task A_clean_working_tree_passes()
    {
        using var repository = await CommittedRepositoryAsync();

        Assert.Null(await PublishPreconditions.WorkingTreeAsync(repository.Folder));
    }

    [Fact]
    public async Task A_modified_file_is_refused_by_name()
    {
        using var repository = await CommittedRepositoryAsync();
        repository.WriteFile("src/Library.cs", "changed");

        Assert.Equal(
            "The working tree has uncommitted changes (1 file, e.g. src/Library.cs): commit or stash them; Publish only ships committed code.",
            await PublishPreconditions.WorkingTreeAsync(repository.Folder));
    }

    [Fact]
    public async Task Untracked_files_are_refused_and_counted_one_by_one()
    {
        using var repository = await CommittedRepositoryAsync();
        repository.WriteFile("notes/a.txt", "a");
        repository.WriteFile("notes/b.txt", "b");

        Assert.Equal(
            "The working tree has uncommitted changes (2 files, e.g. notes/a.txt): commit or stash them; Publish only ships committed code.",
            await PublishPreconditions.WorkingTreeAsync(repository.Folder));
    }

    [Fact]
    public async Task Ignored_files_such_as_the_packages_do_not_count()
    {
        using var repository = await CommittedRepositoryAsync();
        repository.WriteFile("artifacts/packages/Library.1.0.0.nupkg", "package");

        Assert.Null(await PublishPreconditions.WorkingTreeAsync(repository.Folder));
    }

    [Fact]
    public async Task A_folder_outside_git_is_an_error_that_says_git_status_failed_there()
    {
        var folder = Directory.CreateTempSubdirectory("kiln-not-git-").FullName;
        try
        {
            var exception = await Assert.ThrowsAsync<KilnException>(() => PublishPreconditions.WorkingTreeAsync(folder));

            Assert.Equal(
                $"git status failed in {folder} (exit code 128), so Publish cannot tell whether everything is committed: run git status there to see why; Publish only ships committed code from a git clone.",
                exception.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_publisher_refuses_uncommitted_changes_before_it_writes_to_the_feed()
    {
        using var repository = await CommittedRepositoryAsync();
        repository.WriteFile("src/Library.cs", "changed");
        var package = Path.Combine(repository.Folder, "artifacts", "packages", "Library.1.0.0.nupkg");
        WritePackage(package);

        var exception = await Assert.ThrowsAsync<KilnException>(() =>
            new NuGetPublisher(NuGetSource.Parse("artifacts/feed", repository.Folder)) { RepositoryRoot = repository.Folder }.PublishAsync([package]));

        Assert.StartsWith("The working tree has uncommitted changes (1 file, e.g. src/Library.cs)", exception.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(repository.Folder, "artifacts", "feed")));
    }

    private static async Task<ScratchRepository> CommittedRepositoryAsync()
    {
        var repository = await ScratchRepository.InitAsync();
        repository.WriteFile(".gitignore", "artifacts/\n");
        await repository.GitAsync("add", ".gitignore");
        await repository.CommitAsync("Library", "src/Library.cs");
        return repository;
    }

    private static void WritePackage(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Create);
        using var writer = new StreamWriter(zip.CreateEntry("Library.nuspec").Open());
        writer.Write("<package><metadata><id>Library</id><version>1.0.0</version></metadata></package>");
    }
}
