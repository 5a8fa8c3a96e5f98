namespace Kiln.IntegrationTests.Versioning.Scenarios;

/// <summary>GitVersion 6.x's MainScenarios, rebuilt with real git: main under GitFlow/v1.</summary>
public sealed class MainScenarioTests
{
    [Theory]
    [InlineData("ManualDeployment", "''", "1.0.1-1+2")]
    [InlineData("ContinuousDelivery", "ci", "1.0.1-ci.2")]
    [InlineData("ContinuousDeployment", "ci", "1.0.1")]
    public async Task Main_versions_commits_after_a_tag_by_its_mode(string mode, string label, string expected)
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeATaggedCommitAsync("1.0.0");
        await repository.MakeCommitsAsync(2);

        await repository.AssertFullSemVerAsync(expected, $"branches:\n  main:\n    mode: {mode}\n    label: {label}\n");
    }

    [Fact]
    public async Task Main_without_tags_starts_at_0_0_1()
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeCommitsAsync(3);

        await repository.AssertFullSemVerAsync("0.0.1-3");
    }

    [Fact]
    public async Task Main_ignores_a_tag_that_is_no_version()
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeACommitAsync();
        await repository.ApplyTagAsync("BadTag");
        await repository.MakeCommitsAsync(2);

        await repository.AssertFullSemVerAsync("0.0.1-3");
    }

    [Fact]
    public async Task Next_version_above_the_tag_is_the_version()
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeATaggedCommitAsync("1.0.3");
        await repository.MakeCommitsAsync(5);

        await repository.AssertFullSemVerAsync("1.1.0-5", "next-version: 1.1.0\n");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("1.1.0")]
    [InlineData("1.0.2")]
    public async Task A_tagged_head_is_the_tag_whatever_next_version_says(string? nextVersion)
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeATaggedCommitAsync("1.0.3");

        await repository.AssertFullSemVerAsync("1.0.3", nextVersion is null ? null : $"next-version: {nextVersion}\n");
    }

    [Theory]
    [InlineData(null, "1.0.4-1")]
    [InlineData("1.1.0", "1.1.0-1")]
    [InlineData("1.0.4", "1.0.4-1")]
    public async Task Next_version_after_a_tag_and_a_commit(string? nextVersion, string expected)
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeATaggedCommitAsync("1.0.3");
        await repository.MakeACommitAsync();

        await repository.AssertFullSemVerAsync(expected, nextVersion is null ? null : $"next-version: {nextVersion}\n");
    }

    [Fact]
    public async Task Main_bumps_the_patch_of_the_tag()
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeATaggedCommitAsync("1.0.3");
        await repository.MakeCommitsAsync(5);

        await repository.AssertFullSemVerAsync("1.0.4-5");
    }

    [Fact]
    public async Task A_next_version_below_the_tag_is_ignored()
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeATaggedCommitAsync("1.1.0");
        await repository.AssertFullSemVerAsync("1.1.0", "next-version: 1.0.0\n");

        await repository.MakeCommitsAsync(5);
        await repository.AssertFullSemVerAsync("1.1.1-5", "next-version: 1.0.0\n");
    }

    [Fact]
    public async Task A_tag_prefix_can_be_configured()
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeATaggedCommitAsync("version-1.0.3");
        await repository.MakeCommitsAsync(5);

        await repository.AssertFullSemVerAsync("1.0.4-5", "tag-prefix: version-\n");
    }

    [Fact]
    public async Task A_tag_prefix_can_be_a_regex()
    {
        const string configuration = "tag-prefix: 'version-|[vV]?'\n";
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeATaggedCommitAsync("v1.0.3");
        await repository.MakeCommitsAsync(5);
        await repository.AssertFullSemVerAsync("1.0.4-5", configuration);

        await repository.MakeATaggedCommitAsync("version-1.0.5");
        await repository.MakeCommitsAsync(5);
        await repository.AssertFullSemVerAsync("1.0.6-5", configuration);
    }

    [Fact]
    public async Task Tags_that_do_not_match_the_tag_prefix_are_ignored()
    {
        const string configuration = "tag-prefix: ''\n";
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeATaggedCommitAsync("version-1.0.3");
        await repository.MakeCommitsAsync(5);
        await repository.AssertFullSemVerAsync("0.0.1-6", configuration);

        await repository.MakeATaggedCommitAsync("bad/1.0.3");
        await repository.AssertFullSemVerAsync("0.0.1-7", configuration);
    }

    [Fact]
    public async Task Next_version_is_considered_on_develop()
    {
        using var repository = await ScenarioRepository.InitAsync("develop");
        await repository.MakeACommitAsync();
        await repository.AssertFullSemVerAsync("0.1.0-alpha.1");
        await repository.AssertFullSemVerAsync("1.0.0-alpha.1", "next-version: 1.0.0\n");

        await repository.MakeACommitAsync();
        await repository.AssertFullSemVerAsync("0.1.0-alpha.2");
        await repository.AssertFullSemVerAsync("1.0.0-alpha.2", "next-version: 1.0.0\n");
    }

    [Fact]
    public async Task Versions_on_develop_do_not_go_down_while_betas_are_released_from_a_release_branch()
    {
        const string configuration = "next-version: 1.0.0\n";
        using var repository = await ScenarioRepository.InitAsync("develop");
        await repository.MakeACommitAsync();
        await repository.BranchToAsync("release/1.0.0");
        await repository.CheckoutAsync("develop");
        await repository.AssertFullSemVerAsync("1.1.0-alpha.0", configuration);

        await repository.CheckoutAsync("release/1.0.0");
        await repository.AssertFullSemVerAsync("1.0.0-beta.1+1", configuration);

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
        await repository.AssertFullSemVerAsync("1.1.0-alpha.1", configuration);

        await repository.MakeACommitAsync();
        await repository.AssertFullSemVerAsync("1.1.0-alpha.2", configuration);

        await repository.CheckoutAsync("release/1.0.0");
        await repository.MergeNoFFAsync("develop");
        await repository.AssertFullSemVerAsync("1.0.0-beta.2+3", configuration);

        await repository.CheckoutAsync("develop");
        await repository.AssertFullSemVerAsync("1.1.0-alpha.0", configuration);

        await repository.CheckoutAsync("release/1.0.0");
        await repository.ApplyTagAsync("1.0.0-beta.2");
        await repository.AssertFullSemVerAsync("1.0.0-beta.3+0", configuration);

        await repository.CheckoutAsync("develop");
        await repository.AssertFullSemVerAsync("1.1.0-alpha.0", configuration);

        await repository.MergeNoFFAsync("release/1.0.0");
        await repository.AssertFullSemVerAsync("1.1.0-alpha.3", configuration);

        await repository.RemoveBranchAsync("release/1.0.0");
        await repository.AssertFullSemVerAsync("1.1.0-alpha.6", configuration);

        await repository.RemoveTagAsync("1.0.0-beta.1");
        await repository.RemoveTagAsync("1.0.0-beta.2");
        await repository.AssertFullSemVerAsync("1.1.0-alpha.6", configuration);
        await repository.AssertFullSemVerAsync("1.1.0-alpha.6", "next-version: 1.1.0\n");
    }

    [Theory]
    [InlineData(true, "1.1.0-4")]
    [InlineData(false, "1.0.1-4")]
    public async Task Track_merge_message_decides_whether_main_takes_a_merged_release_version(bool trackMergeMessage, string expected)
    {
        var configuration = $"branches:\n  main:\n    track-merge-message: {(trackMergeMessage ? "true" : "false")}\n";
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeATaggedCommitAsync("1.0.0");
        await repository.BranchToAsync("release/1.1.0");
        await repository.MakeCommitsAsync(2);
        await repository.AssertFullSemVerAsync("1.1.0-beta.1+2", configuration);

        await repository.CheckoutAsync("main");
        await repository.MakeACommitAsync();
        await repository.AssertFullSemVerAsync("1.0.1-1", configuration);

        await repository.MergeNoFFAsync("release/1.1.0");
        await repository.AssertFullSemVerAsync(expected, configuration);
    }

    [Fact]
    public async Task Main_in_continuous_deployment_counts_every_commit_since_the_tag_after_a_release_branch_merge()
    {
        const string configuration = "branches:\n  main:\n    mode: ContinuousDeployment\n";
        using var repository = await ScenarioRepository.InitAsync();
        var tagged = await repository.MakeATaggedCommitAsync("1.0.3");
        await repository.MakeCommitsAsync(1);
        await repository.BranchToAsync("release-2.0.0");
        await repository.MakeCommitsAsync(4);
        await repository.CheckoutAsync("main");
        await repository.MergeNoFFAsync("release-2.0.0");

        var variables = await repository.VersionAsync(configuration);

        Assert.Equal("2.0.0", variables.FullSemVer);
        Assert.Equal(6, variables.CommitsSinceVersionSource);
        Assert.Equal(tagged, variables.VersionSourceSha);
    }
}
