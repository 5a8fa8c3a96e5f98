using Kiln.Versioning;
using Kiln.Versioning.Git;

namespace Kiln.IntegrationTests.Versioning;

/// <summary>The repository reader against real git repositories built in temporary folders.</summary>
public sealed class GitRepositoryReaderTests : IDisposable
{
    private static readonly GitReadOptions NoCi = new() { Environment = new Dictionary<string, string>() };

    private readonly List<ScratchRepository> repositories = [];

    public void Dispose()
    {
        foreach (var repository in repositories)
        {
            repository.Dispose();
        }
    }

    [Fact]
    public async Task Reader_reads_shas_parents_dates_and_multi_line_messages_exactly()
    {
        var repository = await InitAsync();
        var first = await repository.CommitAsync("First");
        var firstDate = repository.Now;
        var second = await repository.CommitAsync("Second: the subject\n\nA body line.\n  Indented, with trailing spaces.  \n\n+semver: minor\n");

        var history = (await ReadAsync(repository)).History;

        Assert.Equal(2, history.AllCommits.Count());
        Assert.Equal(second, history.Head);
        Assert.Equal([first], history[second].Parents);
        Assert.Empty(history[first].Parents);
        Assert.Equal(firstDate, history[first].CommitterDate);
        Assert.Equal(await RawMessageAsync(repository, second), history[second].Message);
        Assert.Equal("Second: the subject\n\nA body line.\n  Indented, with trailing spaces.  \n\n+semver: minor\n", history[second].Message);
        Assert.Null(history[second].Paths);
    }

    [Fact]
    public async Task Reader_reads_merges_with_the_first_parent_first()
    {
        var repository = await InitAsync();
        await repository.CommitAsync("On main");
        await repository.BranchAsync("feature/foo");
        var feature = await repository.CommitAsync("On the feature");
        await repository.CheckoutAsync("main");
        var main = await repository.CommitAsync("More on main");
        var merge = await repository.MergeAsync("feature/foo");

        var history = (await ReadAsync(repository)).History;

        Assert.Equal([main, feature], history[merge].Parents);
        Assert.True(history[merge].IsMerge);
        Assert.Equal("main", history.HeadBranch);
        Assert.Equal(merge, history.Branches["main"]);
        Assert.Equal(feature, history.Branches["feature/foo"]);
    }

    [Fact]
    public async Task Reader_reads_commits_reachable_only_from_other_branches_and_tags()
    {
        var repository = await InitAsync();
        var root = await repository.CommitAsync("Root");
        await repository.BranchAsync("develop");
        var onDevelop = await repository.CommitAsync("Only on develop");
        await repository.CheckoutAsync("main");
        await repository.GitAsync("checkout", "-q", "--orphan", "history");
        var tagged = await repository.CommitAsync("Only under a tag");
        await repository.TagAsync("old");
        await repository.CheckoutAsync("main");
        await repository.GitAsync("branch", "-D", "history");

        var history = (await ReadAsync(repository)).History;

        Assert.Equal(new HashSet<string> { root, onDevelop, tagged }, history.AllCommits.Select(commit => commit.Sha).ToHashSet());
    }

    [Fact]
    public async Task Reader_peels_annotated_tags_to_their_commit_and_keeps_lightweight_tags()
    {
        var repository = await InitAsync();
        var first = await repository.CommitAsync("First");
        await repository.TagAsync("1.0.0");
        var second = await repository.CommitAsync("Second");
        await repository.TagAsync("v1.1.0", message: "Release 1.1.0");
        await repository.GitAsync("tag", "-a", "-m", "A tag of a tag", "nested", "v1.1.0");
        await repository.GitAsync("tag", "tree-tag", "HEAD^{tree}");

        var history = (await ReadAsync(repository)).History;

        Assert.Equal(
            [("1.0.0", first), ("nested", second), ("v1.1.0", second)],
            history.Tags.OrderBy(tag => tag.Name, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Reader_names_remote_tracking_branches_after_their_remote_and_skips_origin_HEAD()
    {
        using var origin = await ScratchRepository.InitAsync();
        var first = await origin.CommitAsync("First");
        await origin.BranchAsync("develop");
        var onDevelop = await origin.CommitAsync("On develop");
        await origin.CheckoutAsync("main");
        var clone = Track(await origin.CloneAsync());

        var snapshot = await ReadAsync(clone);

        Assert.Equal(
            new Dictionary<string, string> { ["main"] = first, ["origin/main"] = first, ["origin/develop"] = onDevelop },
            snapshot.History.Branches);
        Assert.True(snapshot.History.Contains(onDevelop));
    }

    [Fact]
    public async Task Reader_gives_no_branch_on_a_detached_HEAD_outside_CI()
    {
        var repository = await InitAsync();
        var first = await repository.CommitAsync("First");
        await repository.CommitAsync("Second");
        await repository.CheckoutAsync(first);

        var history = (await ReadAsync(repository)).History;

        Assert.Equal(first, history.Head);
        Assert.Null(history.HeadBranch);
        Assert.Equal(2, history.AllCommits.Count());
    }

    [Fact]
    public async Task Reader_reads_a_detached_HEAD_that_no_ref_reaches()
    {
        var repository = await InitAsync();
        await repository.CommitAsync("First");
        await repository.GitAsync("checkout", "-q", "--detach");
        var detached = await repository.CommitAsync("Only HEAD reaches this");

        var history = (await ReadAsync(repository)).History;

        Assert.Equal(detached, history.Head);
        Assert.True(history.Contains(detached));
    }

    [Fact]
    public async Task Reader_takes_the_pull_request_branch_from_GitHub_Actions_on_a_detached_HEAD()
    {
        var repository = await InitAsync();
        var first = await repository.CommitAsync("First");
        await repository.CheckoutAsync(first);
        var options = new GitReadOptions
        {
            Environment = new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_REF"] = "refs/pull/2/merge", ["GITHUB_HEAD_REF"] = "feature/foo" },
        };

        var snapshot = await GitRepositoryReader.ReadAsync(repository.Folder, options);

        Assert.Equal("pull/2/merge", snapshot.History.HeadBranch);
    }

    [Fact]
    public async Task Reader_counts_modified_staged_and_untracked_paths_but_not_ignored_ones()
    {
        var repository = await InitAsync();
        repository.WriteFile(".gitignore", "*.log\n");
        await repository.CommitAsync("Tracked files", "a.txt", "b.txt", "c.txt");
        await repository.GitAsync("add", ".gitignore");
        await repository.CommitAsync("Ignore logs");
        repository.WriteFile("a.txt", "modified\n");
        repository.WriteFile("b.txt", "staged\n");
        await repository.GitAsync("add", "b.txt");
        File.Delete(Path.Combine(repository.Folder, "c.txt"));
        repository.WriteFile("new/untracked one.txt", "new\n");
        repository.WriteFile("new/untracked two.txt", "new\n");
        repository.WriteFile("build.log", "ignored\n");

        var snapshot = await ReadAsync(repository);

        Assert.Equal(5, snapshot.UncommittedChanges);
    }

    [Fact]
    public async Task Reader_counts_no_uncommitted_changes_in_a_clean_work_tree()
    {
        var repository = await InitAsync();
        await repository.CommitAsync("First", "a.txt");

        Assert.Equal(0, (await ReadAsync(repository)).UncommittedChanges);
    }

    [Fact]
    public async Task Reader_reads_each_commits_paths_against_its_first_parent_when_asked()
    {
        var repository = await InitAsync();
        var first = await repository.CommitAsync("First", "docs/readme.md", "src/with space.cs");
        var empty = await repository.CommitAsync("Nothing changed");
        await repository.BranchAsync("feature/foo");
        await repository.CommitAsync("Feature", "src/feature.cs");
        await repository.CheckoutAsync("main");
        var onMain = await repository.CommitAsync("On main", "docs/guide.md");
        var merge = await repository.MergeAsync("feature/foo");

        var snapshot = await GitRepositoryReader.ReadAsync(repository.Folder, NoCi with { ReadPaths = true });
        var history = snapshot.History;

        Assert.Equal(["docs/readme.md", "src/with space.cs"], history[first].Paths);
        Assert.Equal([], history[empty].Paths);
        Assert.Equal(["docs/guide.md"], history[onMain].Paths);
        Assert.Equal(["src/feature.cs"], history[merge].Paths);
        Assert.Equal(5, history.AllCommits.Count());
    }

    [Fact]
    public async Task FindRoot_finds_the_top_folder_from_a_subfolder()
    {
        var repository = await InitAsync();
        var subfolder = Directory.CreateDirectory(Path.Combine(repository.Folder, "src", "deep")).FullName;

        var root = await GitRepositoryReader.FindRootAsync(subfolder);

        Assert.Equal(Path.GetFullPath(repository.Folder), root);
    }

    [Fact]
    public async Task FindRoot_outside_a_repository_says_which_folder_and_how_to_fix_it()
    {
        var folder = Track(new ScratchRepository()).Folder;

        var exception = await Assert.ThrowsAsync<VersioningException>(() => GitRepositoryReader.FindRootAsync(folder));

        Assert.Equal($"{folder} is not inside a git repository: run in a clone, or pass the repository folder.", exception.Message);
    }

    [Fact]
    public async Task Reader_refuses_a_repository_without_commits()
    {
        var repository = await InitAsync();

        var exception = await Assert.ThrowsAsync<VersioningException>(() => ReadAsync(repository));

        Assert.Equal($"{repository.Folder} has no commits yet: commit something first.", exception.Message);
    }

    [Fact]
    public async Task Reader_refuses_a_shallow_clone_and_says_how_to_fetch_the_full_history()
    {
        using var origin = await ScratchRepository.InitAsync();
        await origin.CommitAsync("First");
        await origin.CommitAsync("Second");
        var clone = Track(await origin.CloneAsync("--depth", "1"));

        var exception = await Assert.ThrowsAsync<VersioningException>(() => ReadAsync(clone));

        Assert.Contains("is a shallow clone", exception.Message, StringComparison.Ordinal);
        Assert.Contains("fetch-depth: 0", exception.Message, StringComparison.Ordinal);
        Assert.Contains("git fetch --unshallow", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', exception.Message);
    }

    [Fact]
    public async Task Reader_names_the_git_command_and_its_error_when_git_fails()
    {
        var repository = await InitAsync();
        await repository.CommitAsync("First");
        File.WriteAllText(Path.Combine(repository.Folder, ".git", "packed-refs"), "not a packed-refs file\n");

        var exception = await Assert.ThrowsAsync<VersioningException>(() => ReadAsync(repository));

        Assert.StartsWith("'git ", exception.Message, StringComparison.Ordinal);
        Assert.Contains("failed with exit code", exception.Message, StringComparison.Ordinal);
        Assert.Contains("fatal:", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reader_stops_when_cancelled()
    {
        var repository = await InitAsync();
        await repository.CommitAsync("First");
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => GitRepositoryReader.ReadAsync(repository.Folder, NoCi, cancellation.Token));
    }

    private static Task<GitSnapshot> ReadAsync(ScratchRepository repository) => GitRepositoryReader.ReadAsync(repository.Folder, NoCi);

    /// <summary>The message as git stored it in the commit object: everything after the header's blank line.</summary>
    private static async Task<string> RawMessageAsync(ScratchRepository repository, string sha)
    {
        var raw = await repository.GitAsync("cat-file", "commit", sha);
        return raw[(raw.IndexOf("\n\n", StringComparison.Ordinal) + 2)..] + "\n";
    }

    private async Task<ScratchRepository> InitAsync() => Track(await ScratchRepository.InitAsync());

    private ScratchRepository Track(ScratchRepository repository)
    {
        repositories.Add(repository);
        return repository;
    }
}
