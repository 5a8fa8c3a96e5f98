namespace Kiln.IntegrationTests.Versioning.Scenarios;

/// <summary>GitVersion 6.x's HotfixBranchScenarios, rebuilt with real git: hotfix and support branches under GitFlow/v1.</summary>
public sealed class HotfixBranchScenarioTests
{
    [Fact(Skip = "Issue 20: after develop merges a hotfix whose merge into main was tagged 1.2.1, this revision of GitVersion counts from the 1.2.0 tag (1.3.0-alpha.5); GitVersion 6.8.2 counts from the tagged merge that track-merge-target finds (1.3.0-alpha.2, spec example S18, checked in GitVersionExampleTests), as Kiln does. Taking the oldest source instead breaks S18, S24 and ten ported Develop, Release and Gitflow cases.")]
    public async Task A_hotfix_off_the_latest_release_is_versioned_through_its_merges_into_main_and_develop()
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeATaggedCommitAsync("1.2.0");
        await repository.BranchToAsync("develop");
        await repository.MakeACommitAsync();
        await repository.CheckoutAsync("main");
        await repository.BranchToAsync("hotfix-1.2.1");
        await repository.MakeACommitAsync();
        await repository.AssertFullSemVerAsync("1.2.1-beta.1+1");

        await repository.MakeACommitAsync();
        await repository.AssertFullSemVerAsync("1.2.1-beta.1+2");

        await repository.ApplyTagAsync("1.2.1-beta.1");
        await repository.MakeACommitAsync();
        await repository.AssertFullSemVerAsync("1.2.1-beta.2+1");

        await repository.CheckoutAsync("main");
        await repository.MergeNoFFAsync("hotfix-1.2.1");
        await repository.AssertFullSemVerAsync("1.2.1-4");

        await repository.ApplyTagAsync("1.2.1");
        await repository.AssertFullSemVerAsync("1.2.1");

        await repository.CheckoutAsync("develop");
        await repository.AssertFullSemVerAsync("1.3.0-alpha.1");

        await repository.MergeNoFFAsync("hotfix-1.2.1");
        await repository.AssertFullSemVerAsync("1.3.0-alpha.5");
    }

    [Fact]
    public async Task A_hotfixes_branch_off_a_support_branch_patches_the_supported_release()
    {
        using var repository = await SupportedReleasesAsync();
        await repository.BranchToAsync("hotfixes/1.1.1");
        await repository.MakeACommitAsync();
        await repository.AssertFullSemVerAsync("1.1.1-beta.1+1");

        await repository.MakeACommitAsync();
        await repository.AssertFullSemVerAsync("1.1.1-beta.1+2");
    }

    [Fact]
    public async Task A_hotfix_of_an_older_release_with_a_feature_is_merged_into_support_and_develop()
    {
        using var repository = await SupportedReleasesAsync();
        await repository.BranchToAsync("hotfix-1.1.1");
        await repository.MakeACommitAsync();
        await repository.AssertFullSemVerAsync("1.1.1-beta.1+1");

        await repository.MakeACommitAsync();
        await repository.AssertFullSemVerAsync("1.1.1-beta.1+2");

        await repository.BranchToAsync("feature/fix");
        await repository.AssertFullSemVerAsync("1.1.1-fix.1+2");

        await repository.MakeACommitAsync();
        await repository.AssertFullSemVerAsync("1.1.1-fix.1+3");

        await repository.CheckoutAsync("hotfix-1.1.1");
        await repository.MergeNoFFAsync("feature/fix");
        await repository.AssertFullSemVerAsync("1.1.1-beta.1+4");

        await repository.CheckoutAsync("support-1.1");
        await repository.MergeNoFFAsync("hotfix-1.1.1");
        await repository.AssertFullSemVerAsync("1.1.1-5");

        await repository.ApplyTagAsync("1.1.1");
        await repository.AssertFullSemVerAsync("1.1.1");

        await repository.CheckoutAsync("develop");
        await repository.AssertFullSemVerAsync("2.1.0-alpha.1");

        await repository.MergeNoFFAsync("support-1.1");
        await repository.AssertFullSemVerAsync("2.1.0-alpha.7");
    }

    [Theory(Skip = "Issue 20: GitVersion counts 3 commits (from the merged release branch's tip), Kiln 2 (from the 4.5.0 tag on the support branch); this test's revision of GitVersion disagrees with its 6.0 alpha revision (2), so the rule is still to be settled.")]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_feature_merged_into_a_hotfix_off_a_support_branch_counts_from_the_support_tag(bool deleteFeature)
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeACommitAsync("initial");
        await repository.BranchToAsync("develop");
        await repository.BranchToAsync("release/4.5.0");
        await repository.MakeACommitAsync("blabla");
        await repository.CheckoutAsync("develop");
        await repository.MergeNoFFAsync("release/4.5.0");
        await repository.CheckoutAsync("main");
        await repository.MergeNoFFAsync("release/4.5.0");
        await repository.BranchToAsync("support/4.5");
        await repository.ApplyTagAsync("4.5.0");
        await repository.AssertFullSemVerAsync("4.5.0");

        await repository.BranchToAsync("hotfix/4.5.1");
        await repository.BranchToAsync("feature/some-bug-fix");
        await repository.MakeACommitAsync("blabla");
        await repository.CheckoutAsync("hotfix/4.5.1");
        await repository.MergeNoFFAsync("feature/some-bug-fix");
        if (deleteFeature)
        {
            await repository.RemoveBranchAsync("feature/some-bug-fix");
        }

        await repository.AssertFullSemVerAsync("4.5.1-beta.1+3");
    }

    [Fact(Skip = "Issue 20: this test's revision of GitVersion counts 0 on a release branch created one commit after a tag, where ReleaseBranchScenarios of 6.x count from the tag (1); Kiln follows ReleaseBranchScenarios.")]
    public async Task A_hotfix_branch_off_a_release_branch_takes_the_version_in_its_own_name()
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeATaggedCommitAsync("4.20.4");
        await repository.BranchToAsync("develop");
        await repository.MakeACommitAsync();
        await repository.AssertFullSemVerAsync("4.21.0-alpha.1");

        await repository.BranchToAsync("release/4.21.1");
        await repository.AssertFullSemVerAsync("4.21.1-beta.1+0");

        await repository.MakeACommitAsync();
        await repository.AssertFullSemVerAsync("4.21.1-beta.1+1");

        await repository.BranchToAsync("hotfix/4.21.1");
        await repository.AssertFullSemVerAsync("4.21.1-beta.1+1");

        await repository.MakeACommitAsync();
        await repository.AssertFullSemVerAsync("4.21.1-beta.1+2");
    }

    /// <summary>main tagged 1.0.0, 1.1.0 and 2.0.0, develop one commit on, and support-1.1 checked out at the 1.1.0 tag.</summary>
    private static async Task<ScenarioRepository> SupportedReleasesAsync()
    {
        var repository = await ScenarioRepository.InitAsync();
        await repository.MakeATaggedCommitAsync("1.0.0");
        var supported = await repository.MakeATaggedCommitAsync("1.1.0");
        await repository.MakeATaggedCommitAsync("2.0.0");
        await repository.BranchToAsync("develop");
        await repository.MakeACommitAsync();
        await repository.CheckoutAsync(supported);
        await repository.BranchToAsync("support-1.1");
        await repository.AssertFullSemVerAsync("1.1.0");
        return repository;
    }
}
