namespace Kiln.IntegrationTests.Versioning.Scenarios;

/// <summary>GitVersion 6.x's DevelopScenarios, rebuilt with real git: develop under GitFlow/v1.</summary>
public sealed class DevelopScenarioTests
{
    private const string ContinuousDeliveryEverywhere = """
        branches:
          main:
            mode: ContinuousDelivery
          develop:
            mode: ContinuousDelivery
          release:
            mode: ContinuousDelivery
        """;

    [Fact]
    public async Task Develop_branched_from_a_tagged_commit_on_main_is_the_next_minor_with_alpha_0()
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeATaggedCommitAsync("1.0.0");
        await repository.BranchToAsync("develop");

        await repository.AssertFullSemVerAsync("1.1.0-alpha.0");
    }

    [Fact]
    public async Task Develop_label_can_be_changed_by_configuration()
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeATaggedCommitAsync("1.0.0");
        await repository.BranchToAsync("develop");
        await repository.MakeACommitAsync();

        await repository.AssertFullSemVerAsync("1.1.0-alpha.1", """
            branches:
              develop:
                label: alpha
                source-branches: []
            """);
    }

    [Fact]
    public async Task A_developer_branch_is_not_treated_as_develop()
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeATaggedCommitAsync("1.0.0");
        await repository.BranchToAsync("developer");
        await repository.MakeACommitAsync();

        await repository.AssertFullSemVerAsync("1.0.1-developer.1+1");
    }

    [Fact]
    public async Task Develop_branched_from_main_increments_the_minor()
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeATaggedCommitAsync("1.0.0");
        await repository.BranchToAsync("develop");
        await repository.MakeACommitAsync();

        await repository.AssertFullSemVerAsync("1.1.0-alpha.1");
    }

    [Fact]
    public async Task Merging_a_release_branch_into_main_and_back_into_develop_bumps_develop()
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeATaggedCommitAsync("1.0.0");
        await repository.BranchToAsync("develop");
        await repository.MakeACommitAsync();
        await repository.BranchToAsync("release-2.0.0");
        await repository.MakeACommitAsync();
        await repository.CheckoutAsync("main");
        await repository.MergeNoFFAsync("release-2.0.0");
        await repository.CheckoutAsync("develop");
        await repository.MergeNoFFAsync("release-2.0.0");

        await repository.AssertFullSemVerAsync("2.1.0-alpha.2");
    }

    [Fact]
    public async Task Develop_in_continuous_delivery_reports_a_tagged_pre_release()
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeATaggedCommitAsync("1.0.0");
        await repository.BranchToAsync("develop");
        await repository.MakeATaggedCommitAsync("1.1.0-alpha7");

        await repository.AssertFullSemVerAsync("1.1.0-alpha.7", """
            branches:
              develop:
                mode: ContinuousDelivery
            """);
    }

    [Fact]
    public async Task Develop_inherits_the_version_of_an_open_release_branch_and_a_feature_inherits_from_develop()
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeATaggedCommitAsync("1.0.0");
        await repository.BranchToAsync("develop");
        await repository.MakeACommitAsync();
        await repository.BranchToAsync("release/2.0.0");
        await repository.MakeCommitsAsync(2);
        await repository.CheckoutAsync("develop");
        await repository.AssertFullSemVerAsync("2.1.0-alpha.0");

        await repository.MakeACommitAsync();
        await repository.AssertFullSemVerAsync("2.1.0-alpha.1");

        await repository.MergeNoFFAsync("release/2.0.0");
        await repository.AssertFullSemVerAsync("2.1.0-alpha.4");

        await repository.BranchToAsync("feature/MyFeature");
        await repository.MakeACommitAsync();
        await repository.AssertFullSemVerAsync("2.1.0-MyFeature.1+5");
    }

    [Fact]
    public async Task Develop_tracks_the_highest_open_release_branch_and_a_feature_off_the_lower_one_inherits_its_version()
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeATaggedCommitAsync("1.0.0");
        await repository.BranchToAsync("develop");
        await repository.CreateBranchAsync("release/3.0.0");
        await repository.MakeACommitAsync();
        await repository.BranchToAsync("release/2.0.0");
        await repository.MakeCommitsAsync(2);
        await repository.AssertFullSemVerAsync("2.0.0-beta.1+3");

        await repository.CheckoutAsync("develop");
        await repository.AssertFullSemVerAsync("3.1.0-alpha.1");

        await repository.MakeACommitAsync();
        await repository.AssertFullSemVerAsync("3.1.0-alpha.2");

        await repository.MergeNoFFAsync("release/2.0.0");
        await repository.AssertFullSemVerAsync("3.1.0-alpha.5");

        await repository.CheckoutAsync("release/2.0.0");
        await repository.BranchToAsync("feature/MyFeature");
        await repository.MakeACommitAsync();
        await repository.AssertFullSemVerAsync("2.0.0-MyFeature.1+4");
    }

    [Fact]
    public async Task A_feature_that_merged_develop_inherits_develops_increment_among_several_develop_like_branches()
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeATaggedCommitAsync("1.0.0");
        await repository.CreateBranchAsync("bob_develop");
        await repository.CreateBranchAsync("develop");
        await repository.CreateBranchAsync("feature/x");
        await repository.CheckoutAsync("develop");
        await repository.MakeACommitAsync();
        await repository.CheckoutAsync("feature/x");
        await repository.MakeACommitAsync();
        await repository.MergeNoFFAsync("develop");

        await repository.AssertFullSemVerAsync("1.1.0-x.1+3");
    }

    [Fact]
    public async Task A_tag_on_a_hotfix_branch_does_not_affect_develop()
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeATaggedCommitAsync("1.2.0");
        await repository.BranchToAsync("develop");
        await repository.MakeACommitAsync();
        await repository.CheckoutAsync("main");
        await repository.BranchToAsync("hotfix-1.2.1");
        await repository.MakeACommitAsync();
        await repository.AssertFullSemVerAsync("1.2.1-beta.1+1");

        await repository.ApplyTagAsync("1.2.1-beta.1");
        await repository.AssertFullSemVerAsync("1.2.1-beta.2+0");

        await repository.CheckoutAsync("develop");
        await repository.MakeACommitAsync();
        await repository.AssertFullSemVerAsync("1.3.0-alpha.2");
    }

    [Fact]
    public async Task Commits_since_the_version_source_do_not_go_down_when_a_gitflow_release_finishes()
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeACommitAsync();
        await repository.ApplyTagAsync("1.1.0");
        await repository.BranchToAsync("develop");
        await repository.MakeACommitAsync("commit in develop - 1");
        await repository.AssertFullSemVerAsync("1.2.0-alpha.1");

        await repository.BranchToAsync("release/1.2.0");
        await repository.AssertFullSemVerAsync("1.2.0-beta.1+1");

        await repository.CheckoutAsync("develop");
        await repository.MakeCommitsAsync(4);
        await repository.AssertFullSemVerAsync("1.3.0-alpha.4");

        await repository.CheckoutAsync("release/1.2.0");
        await repository.MakeCommitsAsync(3);
        await repository.AssertFullSemVerAsync("1.2.0-beta.1+4");

        await repository.CheckoutAsync("main");
        await repository.MergeNoFFAsync("release/1.2.0");
        await repository.ApplyTagAsync("1.2.0");
        await repository.CheckoutAsync("develop");
        await repository.MergeNoFFAsync("release/1.2.0");
        await repository.MakeACommitAsync("commit in develop - 6");
        await repository.AssertFullSemVerAsync("1.3.0-alpha.6");

        await repository.RemoveBranchAsync("release/1.2.0");
        await repository.AssertFullSemVerAsync("1.3.0-alpha.6", ContinuousDeliveryEverywhere);
    }

    [Fact]
    public async Task Commits_since_the_version_source_do_not_go_down_when_a_tagged_release_branch_is_merged_only_into_develop()
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeACommitAsync("commit in main - 1");
        await repository.ApplyTagAsync("1.1.0");
        await repository.BranchToAsync("develop");
        await repository.MakeACommitAsync("commit in develop - 1");
        await repository.AssertFullSemVerAsync("1.2.0-alpha.1");

        await repository.BranchToAsync("release/1.2.0");
        await repository.MakeCommitsAsync(3);
        await repository.AssertFullSemVerAsync("1.2.0-beta.1+4");

        await repository.ApplyTagAsync("1.2.0");
        await repository.CheckoutAsync("develop");
        await repository.MakeACommitAsync("commit in develop - 2");
        await repository.AssertFullSemVerAsync("1.3.0-alpha.1");

        await repository.MergeNoFFAsync("release/1.2.0");
        await repository.AssertFullSemVerAsync("1.3.0-alpha.2");

        await repository.RemoveBranchAsync("release/1.2.0");
        await repository.AssertFullSemVerAsync("1.3.0-alpha.2", ContinuousDeliveryEverywhere);
    }

    [Fact]
    public async Task A_pre_release_tag_on_develop_is_counted_on_from()
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeACommitAsync();
        await repository.BranchToAsync("develop");
        await repository.MakeATaggedCommitAsync("1.0.0-alpha.3");
        await repository.MakeCommitsAsync(2);

        await repository.AssertFullSemVerAsync("1.0.0-alpha.5");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Merging_a_finished_release_back_into_develop_counts_from_the_release_tag_whatever_prevent_increment_of_merged_branch_says(bool preventIncrementOfMergedBranch)
    {
        var configuration = $$"""
            mode: ContinuousDelivery
            branches:
              develop:
                prevent-increment:
                  of-merged-branch: {{(preventIncrementOfMergedBranch ? "true" : "false")}}
            """;
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeACommitAsync();
        await repository.BranchToAsync("develop");
        await repository.MakeATaggedCommitAsync("1.0.0");
        await repository.MakeACommitAsync();
        await repository.BranchToAsync("release/1.1.0");
        await repository.MakeCommitsAsync(3);
        await repository.CheckoutAsync("main");
        await repository.MergeNoFFAsync("release/1.1.0");
        await repository.ApplyTagAsync("v1.1.0");
        await repository.CheckoutAsync("develop");
        await repository.MakeCommitsAsync(2);
        await repository.MergeNoFFAsync("release/1.1.0");
        await repository.AssertFullSemVerAsync("1.2.0-alpha.3");
        var before = await repository.VersionAsync(configuration);
        Assert.Equal("1.2.0-alpha.3", before.FullSemVer);

        await repository.RemoveBranchAsync("release/1.1.0");
        var after = await repository.VersionAsync(configuration);

        Assert.Equal(before.VersionSourceSha, after.VersionSourceSha);
        Assert.Equal("1.2.0-alpha.3", after.FullSemVer);
        await repository.AssertFullSemVerAsync("1.2.0-alpha.3");
    }

    [Fact]
    public async Task Merging_a_finished_hotfix_back_into_develop_counts_from_the_hotfix_tag()
    {
        const string configuration = """
            branches:
              develop:
                prevent-increment:
                  of-merged-branch: false
              hotfix:
                regex: ^(origin/)?hotfix[/-]
                prevent-increment:
                  of-merged-branch: true
            """;
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeACommitAsync();
        await repository.BranchToAsync("develop");
        await repository.MakeATaggedCommitAsync("1.0.0");
        await repository.MakeACommitAsync();
        await repository.MakeCommitsAsync(3);
        await repository.AssertFullSemVerAsync("1.1.0-alpha.4", configuration);

        await repository.BranchToAsync("release/1.1.0");
        await repository.MakeCommitsAsync(3);
        await repository.AssertFullSemVerAsync("1.1.0-beta.1+7", configuration);

        await repository.CheckoutAsync("main");
        await repository.MergeNoFFAsync("release/1.1.0");
        await repository.ApplyTagAsync("v1.1.0");
        await repository.CheckoutAsync("develop");
        await repository.MakeCommitsAsync(2);
        await repository.MergeNoFFAsync("release/1.1.0");
        await repository.RemoveBranchAsync("release/1.1.0");
        await repository.AssertFullSemVerAsync("1.2.0-alpha.3", configuration);

        await repository.CheckoutAsync("main");
        await repository.BranchToAsync("hotfix/1.1.1");
        await repository.MakeCommitsAsync(3);
        await repository.CheckoutAsync("main");
        await repository.MergeNoFFAsync("hotfix/1.1.1");
        await repository.ApplyTagAsync("v1.1.1");
        await repository.CheckoutAsync("develop");
        await repository.MakeCommitsAsync(3);
        await repository.AssertFullSemVerAsync("1.2.0-alpha.6", configuration);

        await repository.MergeNoFFAsync("hotfix/1.1.1");
        await repository.AssertFullSemVerAsync("1.2.0-alpha.7", configuration);

        await repository.RemoveBranchAsync("hotfix/1.1.1");
        await repository.AssertFullSemVerAsync("1.2.0-alpha.7", configuration);
    }

    [Fact]
    public async Task Next_version_is_considered_on_main()
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeACommitAsync();
        await repository.AssertFullSemVerAsync("0.0.1-1");
        await repository.AssertFullSemVerAsync("1.0.0-1", "next-version: 1.0.0\n");

        await repository.MakeACommitAsync();
        await repository.AssertFullSemVerAsync("0.0.1-2");
        await repository.AssertFullSemVerAsync("1.0.0-2", "next-version: 1.0.0\n");
    }

    [Fact]
    public async Task Versions_on_develop_do_not_go_down_while_a_release_branch_is_prepared_with_next_version()
    {
        const string configuration = "next-version: 1.0.0\n";
        using var repository = await ScenarioRepository.InitAsync("develop");
        await repository.MakeACommitAsync();
        await repository.BranchToAsync("release/1.0.0");
        await repository.MakeACommitAsync();
        await repository.AssertFullSemVerAsync("1.0.0-beta.1+2", configuration);

        await repository.CheckoutAsync("develop");
        await repository.AssertFullSemVerAsync("1.1.0-alpha.0", configuration);

        await repository.MakeACommitAsync();
        await repository.AssertFullSemVerAsync("1.1.0-alpha.1", configuration);

        await repository.CheckoutAsync("release/1.0.0");
        await repository.ApplyTagAsync("1.0.0-beta.1");
        await repository.AssertFullSemVerAsync("1.0.0-beta.2+0", configuration);

        await repository.CheckoutAsync("develop");
        await repository.MakeACommitAsync();
        await repository.AssertFullSemVerAsync("1.1.0-alpha.2", configuration);

        await repository.MergeNoFFAsync("release/1.0.0");
        await repository.AssertFullSemVerAsync("1.1.0-alpha.4", configuration);

        await repository.RemoveBranchAsync("release/1.0.0");
        await repository.AssertFullSemVerAsync("1.1.0-alpha.5", configuration);

        await repository.RemoveTagAsync("1.0.0-beta.1");
        await repository.BranchToAsync("main");
        await repository.AssertFullSemVerAsync("1.0.0-5", configuration);

        await repository.ApplyTagAsync("1.0.0");
        await repository.AssertFullSemVerAsync("1.0.0", configuration);
    }
}
