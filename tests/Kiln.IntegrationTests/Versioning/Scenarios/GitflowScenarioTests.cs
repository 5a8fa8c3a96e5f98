namespace Kiln.IntegrationTests.Versioning.Scenarios;

/// <summary>GitVersion 6.x's GitflowScenarios, rebuilt with real git: a complete GitFlow cycle under GitFlow/v1.</summary>
public sealed class GitflowScenarioTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_complete_gitflow_cycle_with_two_features_two_releases_and_a_hotfix(bool keepMergedBranches)
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeATaggedCommitAsync("1.0.0");
        await repository.BranchToAsync("develop");
        await repository.MakeACommitAsync();
        await repository.AssertFullSemVerAsync("1.1.0-alpha.1");

        await repository.BranchToAsync("feature/f1");
        await repository.MakeACommitAsync("added feature 1");
        await repository.AssertFullSemVerAsync("1.1.0-f1.1+2");
        await repository.CheckoutAsync("develop");
        await repository.MergeNoFFAsync("feature/f1");
        await RemoveUnlessKeptAsync("feature/f1");
        await repository.AssertFullSemVerAsync("1.1.0-alpha.3");

        await repository.BranchToAsync("release/1.1.0");
        await repository.MakeACommitAsync("release stabilization");
        await repository.AssertFullSemVerAsync("1.1.0-beta.1+4");
        await repository.CheckoutAsync("main");
        await repository.MergeNoFFAsync("release/1.1.0");
        await repository.AssertFullSemVerAsync("1.1.0-5");
        await repository.ApplyTagAsync("1.1.0");
        await repository.AssertFullSemVerAsync("1.1.0");
        await repository.CheckoutAsync("develop");
        await repository.MergeNoFFAsync("release/1.1.0");
        await repository.RemoveBranchAsync("release/1.1.0");
        await repository.AssertFullSemVerAsync("1.2.0-alpha.1");

        await repository.BranchToAsync("feature/f2");
        await repository.MakeACommitAsync("added feature 2");
        await repository.AssertFullSemVerAsync("1.2.0-f2.1+2");
        await repository.CheckoutAsync("develop");
        await repository.MergeNoFFAsync("feature/f2");
        await RemoveUnlessKeptAsync("feature/f2");
        await repository.AssertFullSemVerAsync("1.2.0-alpha.3");

        await repository.BranchToAsync("release/1.2.0");
        await repository.MakeACommitAsync("release stabilization");
        await repository.AssertFullSemVerAsync("1.2.0-beta.1+8");
        await repository.CheckoutAsync("main");
        await repository.MergeNoFFAsync("release/1.2.0");
        await repository.AssertFullSemVerAsync("1.2.0-5");
        await repository.ApplyTagAsync("1.2.0");
        await repository.AssertFullSemVerAsync("1.2.0");
        await repository.CheckoutAsync("develop");
        await repository.MergeNoFFAsync("release/1.2.0");
        await RemoveUnlessKeptAsync("release/1.2.0");
        await repository.AssertFullSemVerAsync("1.3.0-alpha.1");

        await repository.CheckoutAsync("main");
        await repository.BranchToAsync("hotfix/hf");
        await repository.MakeACommitAsync("added hotfix");
        await repository.AssertFullSemVerAsync("1.2.1-beta.1+1");
        await repository.CheckoutAsync("main");
        await repository.MergeNoFFAsync("hotfix/hf");
        await repository.AssertFullSemVerAsync("1.2.1-2");
        await repository.ApplyTagAsync("1.2.1");
        await repository.AssertFullSemVerAsync("1.2.1");
        await repository.CheckoutAsync("develop");
        await repository.MergeNoFFAsync("hotfix/hf");
        await RemoveUnlessKeptAsync("hotfix/hf");
        await repository.AssertFullSemVerAsync("1.3.0-alpha.2");

        if (keepMergedBranches)
        {
            // An old feature branch rebuilt after develop moved on inherits develop's newer version.
            await repository.CheckoutAsync("feature/f2");
            await repository.AssertFullSemVerAsync("1.3.0-f2.1+0");
            await repository.MakeACommitAsync("feature 2 after its merge and release 1.2.0");
            await repository.AssertFullSemVerAsync("1.3.0-f2.1+1");
        }

        async Task RemoveUnlessKeptAsync(string branch)
        {
            if (!keepMergedBranches)
            {
                await repository.RemoveBranchAsync(branch);
            }
        }
    }

    [Fact]
    public async Task A_complete_gitflow_cycle_counts_commits_since_the_version_source_at_every_step()
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeATaggedCommitAsync("1.0.0");
        await repository.BranchToAsync("develop");
        await repository.MakeACommitAsync();
        await repository.AssertFullSemVerAsync("1.1.0-alpha.1", 1);

        await repository.BranchToAsync("feature/f1");
        await repository.MakeACommitAsync("added feature 1");
        await repository.AssertFullSemVerAsync("1.1.0-f1.1+2", 2);
        await repository.CheckoutAsync("develop");
        await repository.MergeNoFFAsync("feature/f1");
        await repository.AssertFullSemVerAsync("1.1.0-alpha.3", 3);

        await repository.BranchToAsync("release/1.1.0");
        await repository.MakeACommitAsync("release stabilization");
        await repository.AssertFullSemVerAsync("1.1.0-beta.1+4", 4);
        await repository.CheckoutAsync("main");
        await repository.MergeNoFFAsync("release/1.1.0");
        await repository.AssertFullSemVerAsync("1.1.0-5", 5);
        await repository.ApplyTagAsync("1.1.0");
        await repository.AssertFullSemVerAsync("1.1.0", 0);
        await repository.CheckoutAsync("develop");
        await repository.MergeNoFFAsync("release/1.1.0");
        await repository.RemoveBranchAsync("release/1.1.0");
        await repository.AssertFullSemVerAsync("1.2.0-alpha.1", 1);

        await repository.BranchToAsync("feature/f2");
        await repository.MakeACommitAsync("added feature 2");
        await repository.AssertFullSemVerAsync("1.2.0-f2.1+2", 2);
        await repository.CheckoutAsync("develop");
        await repository.MergeNoFFAsync("feature/f2");
        await repository.AssertFullSemVerAsync("1.2.0-alpha.3", 3);

        await repository.BranchToAsync("release/1.2.0");
        await repository.MakeACommitAsync("release stabilization");
        await repository.AssertFullSemVerAsync("1.2.0-beta.1+8", 8);
        await repository.CheckoutAsync("main");
        await repository.MergeNoFFAsync("release/1.2.0");
        await repository.AssertFullSemVerAsync("1.2.0-5", 5);
        await repository.ApplyTagAsync("1.2.0");
        await repository.AssertFullSemVerAsync("1.2.0", 0);
        await repository.CheckoutAsync("develop");
        await repository.MergeNoFFAsync("release/1.2.0");
        await repository.AssertFullSemVerAsync("1.3.0-alpha.1", 1);

        await repository.CheckoutAsync("main");
        await repository.BranchToAsync("hotfix/hf");
        await repository.MakeACommitAsync("added hotfix");
        await repository.AssertFullSemVerAsync("1.2.1-beta.1+1", 1);
        await repository.CheckoutAsync("main");
        await repository.MergeNoFFAsync("hotfix/hf");
        await repository.AssertFullSemVerAsync("1.2.1-2", 2);
        await repository.ApplyTagAsync("1.2.1");
        await repository.AssertFullSemVerAsync("1.2.1", 0);
        await repository.CheckoutAsync("develop");
        await repository.MergeNoFFAsync("hotfix/hf");
        await repository.AssertFullSemVerAsync("1.3.0-alpha.2", 2);

        await repository.CheckoutAsync("feature/f2");
        await repository.AssertFullSemVerAsync("1.3.0-f2.1+0", 0);
        await repository.MakeACommitAsync("feature 2 after its merge and release 1.2.0");
        await repository.AssertFullSemVerAsync("1.3.0-f2.1+1", 1);

        await repository.RebaseOntoAsync("develop");
        await repository.AssertFullSemVerAsync("1.3.0-f2.1+3", 3);
    }
}
