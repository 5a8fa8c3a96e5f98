namespace Kiln.IntegrationTests.Versioning.Scenarios;

/// <summary>GitVersion 6.x's SupportBranchScenarios, rebuilt with real git: support branches for older releases under GitFlow/v1.</summary>
public sealed class SupportBranchScenarioTests
{
    [Fact]
    public async Task A_support_branch_versions_its_own_releases_and_hotfixes()
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeACommitAsync();
        await repository.ApplyTagAsync("1.1.0");
        await repository.BranchToAsync("release-2.0.0");
        await repository.MakeCommitsAsync(2);
        await repository.CheckoutAsync("main");
        await repository.MergeNoFFAsync("release-2.0.0");
        await repository.ApplyTagAsync("2.0.0");
        await repository.AssertFullSemVerAsync("2.0.0");

        await repository.CheckoutAsync("1.1.0");
        await repository.BranchToAsync("support/1.0.0");
        await repository.AssertFullSemVerAsync("1.1.0");

        await repository.BranchToAsync("release/1.2.0");
        await repository.MakeACommitAsync();
        await repository.AssertFullSemVerAsync("1.2.0-beta.1+1");

        await repository.CheckoutAsync("support/1.0.0");
        await repository.MergeNoFFAsync("release/1.2.0");
        await repository.AssertFullSemVerAsync("1.2.0-2");

        await repository.ApplyTagAsync("1.2.0");
        await repository.BranchToAsync("hotfix/1.2.1");
        await repository.MakeACommitAsync();
        await repository.AssertFullSemVerAsync("1.2.1-beta.1+1");

        await repository.CheckoutAsync("support/1.0.0");
        await repository.MergeNoFFAsync("hotfix/1.2.1");
        await repository.AssertFullSemVerAsync("1.2.1-2");
    }

    [Fact]
    public async Task A_support_branch_created_and_tagged_from_another_support_branch_patches_its_own_tag()
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeACommitAsync();
        await repository.BranchToAsync("Support-1.2.0");
        await repository.MakeACommitAsync();
        await repository.ApplyTagAsync("1.2.0");
        await repository.BranchToAsync("Support-1.3.0");
        await repository.ApplyTagAsync("1.3.0");
        await repository.MakeCommitsAsync(2);

        await repository.AssertFullSemVerAsync("1.3.1-2");
    }

    [Fact]
    public async Task A_support_branch_created_a_commit_after_a_pre_release_tag_on_main_takes_its_version()
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeACommitAsync();
        await repository.AssertFullSemVerAsync("0.0.1-1");

        await repository.ApplyTagAsync("1.4.0-rc");
        await repository.MakeACommitAsync();
        await repository.BranchToAsync("support/1");

        await repository.AssertFullSemVerAsync("1.4.0-2");
    }

    [Fact]
    public async Task A_support_branch_created_at_a_pre_release_tag_on_main_takes_its_version()
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeACommitAsync();
        await repository.AssertFullSemVerAsync("0.0.1-1");

        await repository.ApplyTagAsync("1.4.0-rc");
        await repository.BranchToAsync("support/1");

        await repository.AssertFullSemVerAsync("1.4.0-1");
    }
}
