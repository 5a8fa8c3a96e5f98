namespace Kiln.IntegrationTests.Versioning.Scenarios;

/// <summary>GitVersion 6.x's ReleaseBranchScenarios, rebuilt with real git: release branches under GitFlow/v1.</summary>
public sealed class ReleaseBranchScenarioTests
{
    [Fact]
    public async Task Develop_is_not_bumped_by_a_release_without_changes_that_was_merged_into_main_only()
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeACommitAsync();
        await repository.BranchToAsync("develop");
        await repository.MakeCommitsAsync(3);
        await repository.CreateBranchAsync("release/1.0.0");
        await repository.CheckoutAsync("main");
        await repository.MergeNoFFAsync("release/1.0.0");
        await repository.ApplyTagAsync("1.0.0");
        await repository.CheckoutAsync("develop");
        await repository.RemoveBranchAsync("release/1.0.0");

        await repository.AssertFullSemVerAsync("1.1.0-alpha.0");
    }

    [Fact]
    public async Task Develop_counts_from_the_released_tag_when_a_release_with_changes_is_merged_back()
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeACommitAsync();
        await repository.BranchToAsync("develop");
        await repository.MakeCommitsAsync(3);
        await repository.BranchToAsync("release/1.0.0");
        await repository.MakeACommitAsync();
        await repository.CheckoutAsync("main");
        await repository.MergeNoFFAsync("release/1.0.0");
        await repository.ApplyTagAsync("1.0.0");
        await repository.CheckoutAsync("develop");
        await repository.AssertFullSemVerAsync("1.1.0-alpha.0");

        await repository.MergeNoFFAsync("release/1.0.0");
        await repository.AssertFullSemVerAsync("1.1.0-alpha.1");

        await repository.MakeACommitAsync();
        await repository.AssertFullSemVerAsync("1.1.0-alpha.2");

        await repository.RemoveBranchAsync("release/1.0.0");
        await repository.AssertFullSemVerAsync("1.1.0-alpha.2");
    }

    [Theory]
    [InlineData("release-2.0.0")]
    [InlineData("releases/2.0.0")]
    public async Task A_release_branch_takes_its_version_from_its_name(string branch)
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeATaggedCommitAsync("1.0.3");
        await repository.MakeCommitsAsync(5);
        await repository.BranchToAsync(branch);
        await repository.AssertFullSemVerAsync("2.0.0-beta.1+5");

        await repository.MakeCommitsAsync(2);
        await repository.AssertFullSemVerAsync("2.0.0-beta.1+7");
    }

    [Fact]
    public async Task A_pre_release_tag_on_a_release_branch_head_gives_the_next_pre_release()
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeCommitsAsync(5);
        await repository.BranchToAsync("releases/2.0.0");
        await repository.ApplyTagAsync("v2.0.0-beta.1");

        await repository.AssertFullSemVerAsync("2.0.0-beta.2+0");
    }

    [Fact]
    public async Task A_release_branch_with_next_version_configured_counts_every_commit()
    {
        const string configuration = "next-version: 2.0.0\n";
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeCommitsAsync(5);
        await repository.BranchToAsync("release-2.0.0");
        await repository.AssertFullSemVerAsync("2.0.0-beta.1+5", configuration);

        await repository.MakeCommitsAsync(2);
        await repository.AssertFullSemVerAsync("2.0.0-beta.1+7", configuration);
    }

    [Fact]
    public async Task A_release_branch_label_can_be_overridden()
    {
        const string configuration = """
            branches:
              release:
                label: rc
            """;
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeATaggedCommitAsync("1.0.3");
        await repository.MakeCommitsAsync(5);
        await repository.BranchToAsync("release-2.0.0");
        await repository.AssertFullSemVerAsync("2.0.0-rc.1+5", configuration);

        await repository.MakeCommitsAsync(2);
        await repository.AssertFullSemVerAsync("2.0.0-rc.1+7", configuration);
    }

    [Fact]
    public async Task A_release_branch_with_a_stability_suffix_takes_the_version_before_it()
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeATaggedCommitAsync("1.0.3");
        await repository.CreateBranchAsync("develop");
        await repository.MakeCommitsAsync(5);
        await repository.BranchToAsync("release-2.0.0-Final");
        await repository.AssertFullSemVerAsync("2.0.0-beta.1+5");

        await repository.MakeCommitsAsync(2);
        await repository.AssertFullSemVerAsync("2.0.0-beta.1+7");
    }

    [Fact]
    public async Task Main_takes_the_version_of_a_release_branch_off_develop_merged_into_it()
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeATaggedCommitAsync("1.0.3");
        await repository.CreateBranchAsync("develop");
        await repository.MakeCommitsAsync(1);
        await repository.BranchToAsync("release-2.0.0");
        await repository.MakeCommitsAsync(4);
        await repository.CheckoutAsync("main");
        await repository.MergeNoFFAsync("release-2.0.0");
        await repository.AssertFullSemVerAsync("2.0.0-6");

        await repository.MakeCommitsAsync(2);
        await repository.AssertFullSemVerAsync("2.0.0-8");
    }

    [Fact]
    public async Task Main_versions_on_correctly_after_a_release_branch_was_merged_removed_and_tagged()
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeATaggedCommitAsync("1.0.3");
        await repository.MakeCommitsAsync(1);
        await repository.BranchToAsync("release-2.0.0");
        await repository.MakeCommitsAsync(4);
        await repository.CheckoutAsync("main");
        await repository.MergeNoFFAsync("release-2.0.0");
        await repository.AssertFullSemVerAsync("2.0.0-6");

        await repository.RemoveBranchAsync("release-2.0.0");
        await repository.AssertFullSemVerAsync("2.0.0-6");

        await repository.ApplyTagAsync("2.0.0");
        await repository.MakeCommitsAsync(1);
        await repository.AssertFullSemVerAsync("2.0.1-1");
    }

    [Fact]
    public async Task Develop_takes_the_highest_version_of_the_release_branches_merged_into_it()
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeATaggedCommitAsync("1.0.3");
        await repository.CreateBranchAsync("develop");
        await repository.MakeCommitsAsync(1);
        await repository.BranchToAsync("release-2.0.0");
        await repository.MakeCommitsAsync(4);
        await repository.CheckoutAsync("develop");
        await repository.MergeNoFFAsync("release-2.0.0");
        await repository.BranchToAsync("release-1.0.0");
        await repository.MakeCommitsAsync(4);
        await repository.CheckoutAsync("develop");
        await repository.MergeNoFFAsync("release-1.0.0");

        await repository.AssertFullSemVerAsync("2.1.0-alpha.11");
    }

    [Fact]
    public async Task Main_takes_the_highest_version_of_the_release_branches_merged_into_it()
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeATaggedCommitAsync("1.0.3");
        await repository.MakeCommitsAsync(1);
        await repository.BranchToAsync("release-2.0.0");
        await repository.MakeCommitsAsync(4);
        await repository.CheckoutAsync("main");
        await repository.MergeNoFFAsync("release-2.0.0");
        await repository.BranchToAsync("release-1.0.0");
        await repository.MakeCommitsAsync(4);
        await repository.CheckoutAsync("main");
        await repository.MergeNoFFAsync("release-1.0.0");

        await repository.AssertFullSemVerAsync("2.0.0-11");
    }

    [Fact]
    public async Task Main_takes_the_highest_version_of_three_release_branches_merged_into_it()
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeATaggedCommitAsync("1.0.3");
        await repository.MakeCommitsAsync(1);
        foreach (var release in new[] { "release-3.0.0", "release-2.0.0", "release-1.0.0" })
        {
            await repository.BranchToAsync(release);
            await repository.MakeCommitsAsync(4);
            await repository.CheckoutAsync("main");
            await repository.MergeNoFFAsync(release);
        }

        await repository.AssertFullSemVerAsync("3.0.0-16");
    }

    [Fact]
    public async Task Merging_a_release_back_into_develop_does_not_reset_its_beta_number()
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeATaggedCommitAsync("1.0.3");
        await repository.BranchToAsync("develop");
        await repository.MakeCommitsAsync(1);
        await repository.AssertFullSemVerAsync("1.1.0-alpha.1");

        await repository.BranchToAsync("release-2.0.0");
        await repository.MakeCommitsAsync(1);
        await repository.AssertFullSemVerAsync("2.0.0-beta.1+2");

        await repository.ApplyTagAsync("2.0.0-beta1");
        await repository.MakeCommitsAsync(1);
        await repository.AssertFullSemVerAsync("2.0.0-beta.2+1");

        await repository.CheckoutAsync("develop");
        await repository.MergeNoFFAsync("release-2.0.0");
        await repository.CheckoutAsync("release-2.0.0");
        await repository.AssertFullSemVerAsync("2.0.0-beta.2+1");

        await repository.MakeACommitAsync();
        await repository.AssertFullSemVerAsync("2.0.0-beta.2+2");
    }

    [Fact]
    public async Task A_hotfix_merged_into_a_release_branch_does_not_reset_its_count()
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeATaggedCommitAsync("1.0.3");
        await repository.BranchToAsync("develop");
        await repository.MakeCommitsAsync(1);
        await repository.BranchToAsync("release-2.0.0");
        await repository.MakeCommitsAsync(1);
        await repository.AssertFullSemVerAsync("2.0.0-beta.1+2");

        await repository.MakeCommitsAsync(4);
        await repository.AssertFullSemVerAsync("2.0.0-beta.1+6");

        // GitVersion's test creates the hotfix branch without checking it out, so its commits land on the release branch.
        await repository.CreateBranchAsync("hotfix-2.0.0");
        await repository.MakeCommitsAsync(2);
        await repository.CheckoutAsync("release-2.0.0");
        await repository.MergeNoFFAsync("hotfix-2.0.0");
        await repository.RemoveBranchAsync("hotfix-2.0.0");
        await repository.AssertFullSemVerAsync("2.0.0-beta.1+8");
    }

    [Fact]
    public async Task Merging_one_release_branch_into_another_does_not_reset_the_count()
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeATaggedCommitAsync("1.0.3");
        await repository.BranchToAsync("develop");
        await repository.MakeACommitAsync();
        await repository.CreateBranchAsync("release/2.0.0");
        await repository.BranchToAsync("release/2.0.0-xxx");
        await repository.MakeACommitAsync();
        await repository.AssertFullSemVerAsync("2.0.0-beta.1+2");

        await repository.CheckoutAsync("release/2.0.0");
        await repository.MakeACommitAsync();
        await repository.AssertFullSemVerAsync("2.0.0-beta.1+2");

        await repository.MergeNoFFAsync("release/2.0.0-xxx");
        await repository.AssertFullSemVerAsync("2.0.0-beta.1+4");
    }

    [Fact]
    public async Task A_commit_on_develop_after_the_release_was_merged_into_it_does_not_reset_the_release_count()
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeACommitAsync("initial");
        await repository.BranchToAsync("develop");
        await repository.BranchToAsync("release-2.0.0");
        await repository.AssertFullSemVerAsync("2.0.0-beta.1+1");

        await repository.MakeCommitsAsync(2);
        await repository.AssertFullSemVerAsync("2.0.0-beta.1+3");

        await repository.CheckoutAsync("develop");
        await repository.MergeNoFFAsync("release-2.0.0");
        await repository.CheckoutAsync("release-2.0.0");
        await repository.MakeACommitAsync("release 3 - after first merge");
        await repository.AssertFullSemVerAsync("2.0.0-beta.1+4");

        await repository.CheckoutAsync("develop");
        await repository.MakeACommitAsync("develop after merge");
        await repository.CheckoutAsync("release-2.0.0");
        await repository.AssertFullSemVerAsync("2.0.0-beta.1+4");

        await repository.MakeCommitsAsync(2);
        await repository.AssertFullSemVerAsync("2.0.0-beta.1+6");

        await repository.CheckoutAsync("develop");
        await repository.MergeNoFFAsync("release-2.0.0");
        await repository.CheckoutAsync("release-2.0.0");
        await repository.AssertFullSemVerAsync("2.0.0-beta.1+6");
    }

    [Fact]
    public async Task A_commit_merged_into_develop_between_release_merges_does_not_reset_the_release_count()
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeACommitAsync("initial");
        await repository.BranchToAsync("develop");
        await repository.BranchToAsync("release-2.0.0");
        await repository.AssertFullSemVerAsync("2.0.0-beta.1+1");

        var first = await repository.MakeACommitAsync();
        await repository.MakeACommitAsync();
        await repository.AssertFullSemVerAsync("2.0.0-beta.1+3");

        await repository.CheckoutAsync("develop");
        await repository.MergeNoFFAsync(first);
        await repository.MergeNoFFAsync("release-2.0.0");
        await repository.CheckoutAsync("release-2.0.0");
        await repository.AssertFullSemVerAsync("2.0.0-beta.1+3");

        await repository.MakeCommitsAsync(2);
        await repository.AssertFullSemVerAsync("2.0.0-beta.1+5");
    }

    [Fact]
    public async Task A_release_branch_takes_its_version_from_its_name_despite_a_major_bump_message_before_it()
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeATaggedCommitAsync("1.0");
        await repository.MakeACommitAsync("+semver:major");
        await repository.MakeACommitAsync();
        await repository.BranchToAsync("release/2.0");

        await repository.AssertFullSemVerAsync("2.0.0-beta.1+2", "semantic-version-format: Loose\n");
    }

    [Fact]
    public async Task A_release_branch_with_a_commit_takes_its_version_from_its_name_despite_a_major_bump_message_before_it()
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeATaggedCommitAsync("1.0.0");
        await repository.MakeACommitAsync("+semver:major");
        await repository.MakeACommitAsync();
        await repository.BranchToAsync("release/2.0.0");
        await repository.MakeACommitAsync();

        await repository.AssertFullSemVerAsync("2.0.0-beta.1+3");
    }

    [Fact]
    public async Task A_release_branch_created_at_a_major_bump_message_takes_its_version_from_its_name()
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeATaggedCommitAsync("1.0.0");
        await repository.MakeACommitAsync("+semver:major");
        await repository.BranchToAsync("release/2.0.0");

        await repository.AssertFullSemVerAsync("2.0.0-beta.1+1");
    }

    [Fact]
    public async Task A_feature_merged_into_a_release_branch_adds_its_commits_to_the_count()
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeACommitAsync("initial");
        await repository.BranchToAsync("develop");
        await repository.BranchToAsync("release-2.0.0");
        await repository.AssertFullSemVerAsync("2.0.0-beta.1+1");

        await repository.MakeCommitsAsync(10);
        await repository.AssertFullSemVerAsync("2.0.0-beta.1+11");

        await repository.BranchToAsync("feature/xxx");
        await repository.MakeCommitsAsync(2);
        await repository.CheckoutAsync("release-2.0.0");
        await repository.AssertFullSemVerAsync("2.0.0-beta.1+11");

        await repository.MakeACommitAsync("release 11");
        await repository.AssertFullSemVerAsync("2.0.0-beta.1+12");

        await repository.CheckoutAsync("feature/xxx");
        await repository.MakeACommitAsync("feature 3");
        await repository.CheckoutAsync("release-2.0.0");
        await repository.AssertFullSemVerAsync("2.0.0-beta.1+12");

        await repository.MergeNoFFAsync("feature/xxx");
        await repository.AssertFullSemVerAsync("2.0.0-beta.1+16");

        await repository.MakeACommitAsync("release 13 - after feature merge");
        await repository.AssertFullSemVerAsync("2.0.0-beta.1+17");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_feature_merged_into_a_release_branch_counts_whether_or_not_it_was_deleted(bool deleteFeature)
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeACommitAsync("initial");
        await repository.BranchToAsync("develop");
        await repository.BranchToAsync("release/4.5.0");
        await repository.AssertFullSemVerAsync("4.5.0-beta.1+1");

        await repository.BranchToAsync("feature/some-bug-fix");
        await repository.MakeACommitAsync("blabla");
        await repository.CheckoutAsync("release/4.5.0");
        await repository.MergeNoFFAsync("feature/some-bug-fix");
        if (deleteFeature)
        {
            await repository.RemoveBranchAsync("feature/some-bug-fix");
        }

        await repository.AssertFullSemVerAsync("4.5.0-beta.1+3");
    }

    [Theory]
    [InlineData("release/1.2.0", "1.2.0-beta.1+1", "Loose")]
    [InlineData("release/1.2.0", "1.2.0-beta.1+1", "Strict")]
    [InlineData("release/1.2", "1.2.0-beta.1+1", "Loose")]
    [InlineData("release/1", "1.0.0-beta.1+1", "Loose")]
    public async Task The_version_in_a_release_branch_name_is_detected(string branch, string expected, string format)
    {
        using var repository = await ScenarioRepository.InitAsync(branch);
        await repository.MakeACommitAsync();

        await repository.AssertFullSemVerAsync(expected, $"semantic-version-format: {format}\n");
    }

    [Fact]
    public async Task AssemblySemFileVer_is_weighted_by_the_release_branch_pre_release_weight()
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeATaggedCommitAsync("1.0.3");
        await repository.MakeCommitsAsync(5);
        await repository.BranchToAsync("release-2.0.0");

        var weighted = await repository.VersionAsync("""
            assembly-file-versioning-format: '{Major}.{Minor}.{Patch}.{WeightedPreReleaseNumber}'
            branches:
              release:
                pre-release-weight: 1000
            """);
        var byDefault = await repository.VersionAsync("assembly-file-versioning-format: '{Major}.{Minor}.{Patch}.{WeightedPreReleaseNumber}'\n");

        Assert.Equal("2.0.0.1001", weighted.AssemblySemFileVer);
        Assert.Equal("2.0.0.30001", byDefault.AssemblySemFileVer);
    }
}
