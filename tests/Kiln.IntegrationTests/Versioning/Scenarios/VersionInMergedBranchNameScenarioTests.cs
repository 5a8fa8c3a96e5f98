namespace Kiln.IntegrationTests.Versioning.Scenarios;

/// <summary>
/// GitVersion 6.x's VersionInMergedBranchNameScenarios, rebuilt with real git: which merged branches give develop or
/// main the version in their name (release branches, by kind or by configuration, local or on origin) and which not.
/// </summary>
public sealed class VersionInMergedBranchNameScenarioTests
{
    [Fact]
    public async Task Develop_takes_the_version_in_the_name_of_a_merged_release_branch()
    {
        using var repository = await GitFlowAsync();
        await CreateAndMergeIntoDevelopAsync(repository, "release/2.0.0");

        await repository.AssertFullSemVerAsync("2.1.0-alpha.2");
    }

    [Fact]
    public async Task Develop_does_not_take_a_version_from_the_name_of_a_merged_branch_that_is_no_release()
    {
        using var repository = await GitFlowAsync();
        await CreateAndMergeIntoDevelopAsync(repository, "pull-request/improved-by-upgrading-some-lib-to-4.5.6");
        await CreateAndMergeIntoDevelopAsync(repository, "hotfix/downgrade-some-lib-to-3.2.1-to-avoid-breaking-changes");

        await repository.AssertFullSemVerAsync("1.1.0-alpha.5");
    }

    [Theory]
    [InlineData("release")]
    [InlineData("hotfix")]
    public async Task A_version_inside_a_release_branch_name_that_does_not_start_with_it_is_no_version(string kind)
    {
        var branch = $"{kind}/downgrade-some-lib-to-3.2.1";
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeATaggedCommitAsync("1.0.0");
        await repository.BranchToAsync(branch);
        await repository.MakeACommitAsync();
        await repository.CheckoutAsync("main");
        await repository.MergeNoFFAsync(branch);

        await repository.AssertFullSemVerAsync("1.0.1-2");
    }

    [Fact]
    public async Task Develop_takes_the_version_in_the_name_of_a_merged_branch_configured_as_a_release_branch()
    {
        const string configuration = "branches:\n  support:\n    is-release-branch: true\n";
        using var repository = await GitFlowAsync();
        await CreateAndMergeIntoDevelopAsync(repository, "support/2.0.0");

        await repository.AssertFullSemVerAsync("2.1.0-alpha.2", configuration);
    }

    [Fact]
    public async Task Main_takes_the_version_in_the_name_of_a_merged_release_branch_from_origin()
    {
        using var remote = await ScenarioRepository.InitAsync();
        await remote.MakeCommitsAsync(5);
        using var local = await remote.CloneAsync();
        await remote.BranchToAsync("release/2.0.0");
        await remote.MakeACommitAsync();
        await local.GitAsync("fetch", "-q", "origin");
        await local.MergeNoFFAsync("origin/release/2.0.0");

        await local.AssertFullSemVerAsync("2.0.0-7");
    }

    [Fact]
    public async Task Main_does_not_take_the_version_in_the_name_of_a_merged_branch_from_another_remote()
    {
        using var remote = await ScenarioRepository.InitAsync();
        await remote.MakeCommitsAsync(5);
        using var local = await remote.CloneAsync();
        await local.GitAsync("remote", "rename", "origin", "upstream");
        await remote.BranchToAsync("release/2.0.0");
        await remote.MakeACommitAsync();
        await local.GitAsync("fetch", "-q", "upstream");
        await local.MergeNoFFAsync("upstream/release/2.0.0");

        await local.AssertFullSemVerAsync("0.0.1-7");
    }

    /// <summary>main with a commit tagged 1.0.0, and develop one commit on (GitVersion's BaseGitFlowRepositoryFixture).</summary>
    private static async Task<ScenarioRepository> GitFlowAsync()
    {
        var repository = await ScenarioRepository.InitAsync();
        await repository.MakeATaggedCommitAsync("1.0.0");
        await repository.BranchToAsync("develop");
        await repository.MakeACommitAsync();
        return repository;
    }

    private static async Task CreateAndMergeIntoDevelopAsync(ScenarioRepository repository, string branch)
    {
        await repository.BranchToAsync(branch);
        await repository.MakeACommitAsync();
        await repository.CheckoutAsync("develop");
        await repository.MergeNoFFAsync(branch);
    }
}
