using Kiln.Versioning;
using Kiln.Versioning.Output;

namespace Kiln.IntegrationTests.Versioning.Scenarios;

/// <summary>
/// A history built step by step with real git, in the vocabulary of GitVersion's integration tests (make a commit,
/// branch to, merge without fast-forward, apply a tag), checked against the FullSemVer GitVersion 6.x gives at each
/// step. The configuration is written inside .git, so it is no uncommitted change; without one GitFlow/v1 applies.
/// </summary>
public sealed class ScenarioRepository : IDisposable
{
    private static readonly Dictionary<string, string> NoCiEnvironment = [];

    private readonly ScratchRepository repository;
    private int commits;

    private ScenarioRepository(ScratchRepository repository)
    {
        this.repository = repository;
    }

    /// <summary>A new repository whose first branch is <paramref name="branch"/>, with no commit yet.</summary>
    public static async Task<ScenarioRepository> InitAsync(string branch = "main") =>
        new(await ScratchRepository.InitAsync(branch));

    /// <summary>A clone of this repository (its origin), with no commit of its own yet.</summary>
    public async Task<ScenarioRepository> CloneAsync() => new(await repository.CloneAsync()) { commits = commits };

    /// <summary>Commits a change to a file of its own and returns the commit's sha.</summary>
    public Task<string> MakeACommitAsync(string? message = null)
    {
        commits++;
        return repository.CommitAsync(message ?? $"commit {commits}", $"file{commits}.txt");
    }

    /// <summary>Makes <paramref name="count"/> commits.</summary>
    public async Task MakeCommitsAsync(int count)
    {
        for (var index = 0; index < count; index++)
        {
            await MakeACommitAsync();
        }
    }

    /// <summary>Makes a commit and tags it (lightweight).</summary>
    public async Task<string> MakeATaggedCommitAsync(string tag)
    {
        var sha = await MakeACommitAsync();
        await ApplyTagAsync(tag);
        return sha;
    }

    public Task ApplyTagAsync(string tag) => repository.TagAsync(tag);

    public Task RemoveTagAsync(string tag) => repository.GitAsync("tag", "-d", tag);

    /// <summary>Creates a branch at HEAD and checks it out.</summary>
    public Task BranchToAsync(string branch) => repository.BranchAsync(branch);

    /// <summary>Creates a branch at HEAD without checking it out.</summary>
    public Task CreateBranchAsync(string branch) => repository.GitAsync("branch", branch);

    public Task CheckoutAsync(string branchOrCommit) => repository.CheckoutAsync(branchOrCommit);

    /// <summary>Merges a branch into the current one with a merge commit and git's own message.</summary>
    public Task<string> MergeNoFFAsync(string branch) => repository.MergeAsync(branch);

    /// <summary>Merges a branch into the current one, fast-forward when git can.</summary>
    public Task MergeAsync(string branch) => repository.GitAsync("merge", "-q", "--no-edit", branch);

    public Task RemoveBranchAsync(string branch) => repository.GitAsync("branch", "-D", branch);

    /// <summary>Writes a file that is not committed; staged (added to the index) or left untracked.</summary>
    public async Task WriteUncommittedFileAsync(string name, bool stage)
    {
        repository.WriteFile(name, $"uncommitted {name}\n");
        if (stage)
        {
            await repository.GitAsync("add", "--", name);
        }
    }

    /// <summary>Runs any other git command line in the repository.</summary>
    public Task<string> GitAsync(params string[] arguments) => repository.GitAsync(arguments);

    /// <summary>Computes the version with the configuration (GitVersion.yml text) or, without one, GitFlow/v1.</summary>
    public async Task<VersionVariables> VersionAsync(string? configuration = null)
    {
        string? file = null;
        if (configuration is not null)
        {
            file = Path.Combine(repository.Folder, ".git", "GitVersion.scenario.yml");
            await File.WriteAllTextAsync(file, configuration);
        }

        return await GitVersion.CalculateAsync(repository.Folder, file, NoCiEnvironment);
    }

    /// <summary>Asserts HEAD's FullSemVer, with the configuration (GitVersion.yml text) or, without one, GitFlow/v1.</summary>
    public async Task AssertFullSemVerAsync(string expected, string? configuration = null)
    {
        var variables = await VersionAsync(configuration);
        Assert.Equal(expected, variables.FullSemVer);
    }

    /// <summary>Asserts HEAD's FullSemVer and CommitsSinceVersionSource under GitFlow/v1.</summary>
    public async Task AssertFullSemVerAsync(string expected, long commitsSinceVersionSource)
    {
        var variables = await VersionAsync();
        Assert.Equal((expected, commitsSinceVersionSource), (variables.FullSemVer, variables.CommitsSinceVersionSource));
    }

    /// <summary>Rebases the current branch onto another (git drops commits the other already has).</summary>
    public Task RebaseOntoAsync(string branch) => repository.GitAsync("rebase", "-q", branch);

    public void Dispose() => repository.Dispose();
}
