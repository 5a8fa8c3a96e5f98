namespace Kiln.IntegrationTests.Versioning.Scenarios;

/// <summary>GitVersion 6.x's FeatureBranchScenarios, rebuilt with real git: feature and unknown branches under GitFlow/v1.</summary>
public sealed class FeatureBranchScenarioTests
{
    private const string MainTracksReleaseBranches = "branches:\n  main:\n    tracks-release-branches: true\n";

    [Fact]
    public async Task A_second_feature_inherits_the_minor_from_a_development_branch_after_a_fast_forward_merge()
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeATaggedCommitAsync("1.0.0");
        await repository.BranchToAsync("development");
        await repository.BranchToAsync("feature/JIRA-123");
        await repository.MakeCommitsAsync(1);
        await repository.CheckoutAsync("development");
        await repository.MergeAsync("feature/JIRA-123");
        await repository.BranchToAsync("feature/JIRA-124");
        await repository.MakeCommitsAsync(1);

        await repository.AssertFullSemVerAsync("1.1.0-JIRA-124.1+2");
    }

    [Fact]
    public async Task A_feature_inherits_from_a_configured_branch_that_is_source_branch_for_features()
    {
        const string configuration = """
            branches:
              unstable:
                increment: Minor
                regex: unstable
                source-branches: []
                is-source-branch-for: [feature]
            """;
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeATaggedCommitAsync("1.0.0");
        await repository.BranchToAsync("unstable");
        await repository.BranchToAsync("feature/JIRA-123");
        await repository.MakeCommitsAsync(1);
        await repository.CheckoutAsync("unstable");
        await repository.MergeAsync("feature/JIRA-123");
        await repository.BranchToAsync("feature/JIRA-124");
        await repository.MakeCommitsAsync(1);

        await repository.AssertFullSemVerAsync("1.1.0-JIRA-124.1+2", configuration);
    }

    [Theory]
    [InlineData(true, "1.1.0-JIRA-123.1+5")]
    [InlineData(false, "1.0.1-JIRA-123.1+5")]
    public async Task A_number_in_a_feature_branch_name_is_no_pre_release_number(bool offDevelop, string expected)
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeATaggedCommitAsync("1.0.0");
        if (offDevelop)
        {
            await repository.BranchToAsync("develop");
        }

        await repository.BranchToAsync("feature/JIRA-123");
        await repository.MakeCommitsAsync(5);

        await repository.AssertFullSemVerAsync(expected);
    }

    [Theory]
    [InlineData("feature-test")]
    [InlineData("features/test")]
    public async Task A_feature_branch_name_may_use_a_dash_or_features(string branch)
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeATaggedCommitAsync("1.0.0");
        await repository.BranchToAsync(branch);
        await repository.MakeCommitsAsync(5);

        await repository.AssertFullSemVerAsync("1.0.1-test.1+5");
    }

    [Fact]
    public async Task Two_feature_branches_at_the_same_commit_each_take_their_own_name()
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeACommitAsync();
        await repository.BranchToAsync("develop");
        await repository.BranchToAsync("feature/feature1");
        await repository.MakeACommitAsync();
        await repository.BranchToAsync("feature/feature2");

        await repository.AssertFullSemVerAsync("0.1.0-feature2.1+2");
    }

    [Fact]
    public async Task A_long_running_feature_can_merge_develop_after_develop_was_released_on_main()
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeATaggedCommitAsync("v1.0.0");
        await repository.BranchToAsync("develop");
        await repository.BranchToAsync("feature/longrunning");
        await repository.MakeACommitAsync();
        await repository.CheckoutAsync("develop");
        await repository.MakeACommitAsync();
        await repository.CheckoutAsync("main");
        await repository.MergeAsync("develop");
        await repository.ApplyTagAsync("v1.1.0");
        await repository.CheckoutAsync("feature/longrunning");
        await repository.MergeAsync("develop");

        await repository.AssertFullSemVerAsync("1.2.0-longrunning.2", """
            mode: ContinuousDelivery
            branches:
              feature:
                mode: ContinuousDelivery
            """);
    }

    [Fact]
    public async Task A_feature_off_a_release_branch_takes_the_release_version_with_its_own_name()
    {
        const string configuration = """
            branches:
              release:
                label: build
              feature:
                label: '{BranchName}'
            """;
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeACommitAsync();
        await repository.BranchToAsync("release/0.3.0");
        await repository.MakeATaggedCommitAsync("v0.3.0-build.1");
        await repository.MakeACommitAsync();
        await repository.BranchToAsync("feature/PROJ-1");
        await repository.MakeACommitAsync();

        await repository.AssertFullSemVerAsync("0.3.0-PROJ-1.1+4", configuration);
    }

    [Theory]
    [InlineData("alpha", "JIRA-123", "^features?[/-](?<BranchName>.+)", "alpha")]
    [InlineData("alpha.{BranchName}", "JIRA-123", "^features?[/-](?<BranchName>.+)", "alpha.JIRA-123")]
    [InlineData("{BranchName}-of-task-number-{TaskNumber}", "4711_this-is-a-feature", @"^features?[/-](?<TaskNumber>\d+)_(?<BranchName>.+)", "this-is-a-feature-of-task-number-4711")]
    public async Task A_feature_label_may_use_groups_of_the_branch_regex(string label, string feature, string regex, string expectedLabel)
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeATaggedCommitAsync("1.0.0");
        await repository.BranchToAsync($"feature/{feature}");
        await repository.MakeCommitsAsync(5);

        await repository.AssertFullSemVerAsync($"1.0.1-{expectedLabel}.1+5", $"branches:\n  feature:\n    label: '{label}'\n    regex: '{regex}'\n");
    }

    [Fact]
    public async Task A_feature_created_after_a_release_finished_inherits_from_the_last_tag_on_main()
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeATaggedCommitAsync("0.1.0");
        await repository.BranchToAsync("develop");
        await repository.MakeACommitAsync();
        await repository.AssertFullSemVerAsync("0.2.0-alpha.1");

        await repository.BranchToAsync("release/0.2.0");
        await repository.AssertFullSemVerAsync("0.2.0-beta.1+1");

        await repository.CheckoutAsync("main");
        await repository.MergeNoFFAsync("release/0.2.0");
        await repository.ApplyTagAsync("0.2.0");
        await repository.AssertFullSemVerAsync("0.2.0");

        await repository.CheckoutAsync("develop");
        await repository.MergeNoFFAsync("release/0.2.0");
        await repository.MakeACommitAsync();
        await repository.AssertFullSemVerAsync("0.3.0-alpha.1");

        await repository.BranchToAsync("feature/TEST-1");
        await repository.MakeACommitAsync();
        await repository.AssertFullSemVerAsync("0.3.0-TEST-1.1+2");
    }

    [Theory]
    [InlineData("feature/test", "test")]
    [InlineData("misnamed", "misnamed")]
    public async Task A_branch_off_develop_picks_up_develops_version_while_a_release_branch_is_open(string branch, string label)
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeACommitAsync();
        await repository.BranchToAsync("develop");
        await repository.MakeACommitAsync();
        await repository.BranchToAsync("release/1.0.0");
        await repository.MakeACommitAsync();
        await repository.CheckoutAsync("develop");
        await repository.MakeACommitAsync();
        await repository.AssertFullSemVerAsync("1.1.0-alpha.1");

        await repository.BranchToAsync(branch);
        await repository.AssertFullSemVerAsync($"1.1.0-{label}.1+1");
    }

    [Theory]
    [InlineData("feature/test", "test")]
    [InlineData("misnamed", "misnamed")]
    public async Task A_branch_off_develop_picks_up_develops_version_after_a_release_branch_was_merged_back(string branch, string label)
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeACommitAsync();
        await repository.BranchToAsync("develop");
        await repository.MakeACommitAsync();
        await repository.BranchToAsync("release/1.0.0");
        await repository.MakeACommitAsync();
        await repository.CheckoutAsync("develop");
        await repository.MergeNoFFAsync("release/1.0.0");
        await repository.AssertFullSemVerAsync("1.1.0-alpha.2");

        await repository.BranchToAsync(branch);
        await repository.AssertFullSemVerAsync($"1.1.0-{label}.1+2");
    }

    [Theory]
    [InlineData("feature/test", "test")]
    [InlineData("misnamed", "misnamed")]
    public async Task A_branch_off_main_that_tracks_release_branches_picks_up_mains_version_while_a_release_branch_is_open(string branch, string label)
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeACommitAsync();
        await repository.BranchToAsync("release/1.0.0");
        await repository.MakeACommitAsync();
        await repository.CheckoutAsync("main");
        await repository.MakeACommitAsync();
        await repository.AssertFullSemVerAsync("1.0.1-1", MainTracksReleaseBranches);

        await repository.BranchToAsync(branch);
        await repository.AssertFullSemVerAsync($"1.0.1-{label}.1+1", MainTracksReleaseBranches);
    }

    [Theory]
    [InlineData("feature/test", "test")]
    public async Task A_branch_off_main_that_tracks_release_branches_picks_up_mains_version_after_a_release_branch_was_merged_back(string branch, string label)
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeACommitAsync();
        await repository.BranchToAsync("release/1.0.0");
        await repository.MakeACommitAsync();
        await repository.CheckoutAsync("main");
        await repository.MergeNoFFAsync("release/1.0.0");
        await repository.AssertFullSemVerAsync("1.0.1-2", MainTracksReleaseBranches);

        await repository.BranchToAsync(branch);
        await repository.AssertFullSemVerAsync($"1.0.1-{label}.1+2", MainTracksReleaseBranches);
    }
}
