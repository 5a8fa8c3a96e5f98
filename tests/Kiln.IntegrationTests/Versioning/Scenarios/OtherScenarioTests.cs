namespace Kiln.IntegrationTests.Versioning.Scenarios;

/// <summary>
/// GitVersion 6.x's OtherScenarios, rebuilt with real git: repositories without main, branch names that only start
/// like main, uncommitted changes, track-merge-target on develop, bump messages on a branch that increments nothing.
/// </summary>
public sealed class OtherScenarioTests
{
    [Fact]
    public async Task A_repository_without_main_versions_develop()
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeACommitAsync();
        await repository.MakeATaggedCommitAsync("1.0.0");
        await repository.MakeACommitAsync();
        await repository.BranchToAsync("develop");
        await repository.RemoveBranchAsync("main");

        await repository.AssertFullSemVerAsync("1.1.0-alpha.1");
    }

    [Fact]
    public async Task A_master_branch_is_main_when_there_is_no_main()
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeACommitAsync("one");
        await repository.BranchToAsync("develop");
        await repository.BranchToAsync("master");
        await repository.RemoveBranchAsync("main");

        await repository.AssertFullSemVerAsync("0.0.1-1");
    }

    [Theory]
    [InlineData("masterfix")]
    [InlineData("mainfix")]
    public async Task A_branch_whose_name_only_starts_like_main_is_an_unknown_branch(string branch)
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeACommitAsync();
        await repository.MakeATaggedCommitAsync("1.0.0");
        await repository.MakeACommitAsync();
        await repository.BranchToAsync(branch);

        await repository.AssertFullSemVerAsync($"1.0.1-{branch}.1+1");
    }

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 1)]
    [InlineData(true, 5)]
    [InlineData(false, 5)]
    public async Task Uncommitted_changes_count_every_new_file_staged_or_not(bool stage, int files)
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeACommitAsync();
        for (var index = 0; index < files; index++)
        {
            await repository.WriteUncommittedFileAsync($"uncommitted{index}.txt", stage);
        }

        var variables = await repository.VersionAsync();

        Assert.Equal(files, variables.UncommittedChanges);
    }

    [Fact]
    public async Task A_clean_repository_has_no_uncommitted_changes()
    {
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeACommitAsync();

        var variables = await repository.VersionAsync();

        Assert.Equal(0, variables.UncommittedChanges);
    }

    [Theory]
    [InlineData(false, "1.1.0-alpha.2")]
    [InlineData(true, "1.2.0-alpha.1")]
    public async Task Track_merge_target_lets_develop_see_the_tag_on_its_merge_into_main(bool trackMergeTarget, string expected)
    {
        var configuration = $"""
            branches:
              main:
                is-main-branch: false
              develop:
                track-merge-target: {(trackMergeTarget ? "true" : "false")}
                tracks-release-branches: false
            """;
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeATaggedCommitAsync("1.0.0");
        await repository.BranchToAsync("develop");
        await repository.MakeACommitAsync();
        await repository.CheckoutAsync("main");
        await repository.MergeNoFFAsync("develop");
        await repository.ApplyTagAsync("1.1.0");
        await repository.CheckoutAsync("develop");
        await repository.MakeACommitAsync();

        await repository.AssertFullSemVerAsync(expected, configuration);
    }

    [Fact]
    public async Task A_pre_release_tag_on_a_github_flow_release_branch_is_counted_on_from()
    {
        const string configuration = "workflow: GitHubFlow/v1\n";
        using var repository = await ScenarioRepository.InitAsync("release/2.0.0");
        await repository.MakeACommitAsync();
        await repository.AssertFullSemVerAsync("2.0.0-beta.1+1", configuration);

        await repository.ApplyTagAsync("2.0.0-beta.1");
        await repository.AssertFullSemVerAsync("2.0.0-beta.2+0", configuration);

        await repository.MakeACommitAsync();
        await repository.AssertFullSemVerAsync("2.0.0-beta.2+1", configuration);
    }

    [Theory]
    [InlineData("~")]
    [InlineData("''")]
    public async Task Bump_messages_raise_a_branch_without_label_that_increments_nothing(string label)
    {
        var configuration = $"""
            label: ~
            branches:
              main:
                mode: ContinuousDelivery
                increment: None
                label: {label}
                is-main-branch: false
            """;
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeACommitAsync();
        await repository.AssertFullSemVerAsync("0.0.0-1", configuration);

        await repository.MakeACommitAsync("+semver: minor");
        await repository.AssertFullSemVerAsync("0.1.0-2", configuration);

        await repository.ApplyTagAsync("1.0.0");
        await repository.AssertFullSemVerAsync("1.0.0", configuration);

        await repository.MakeACommitAsync("+semver: major");
        await repository.AssertFullSemVerAsync("2.0.0-1", configuration);

        await repository.ApplyTagAsync("2.0.0");
        await repository.MakeACommitAsync();
        await repository.AssertFullSemVerAsync("2.0.0-1", configuration);
    }

    [Fact]
    public async Task Bump_messages_raise_a_labelled_branch_that_increments_nothing()
    {
        const string configuration = """
            branches:
              main:
                mode: ContinuousDelivery
                increment: None
                label: pre
                is-main-branch: false
            """;
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeACommitAsync();
        await repository.AssertFullSemVerAsync("0.0.0-pre.1", configuration);

        await repository.MakeACommitAsync("+semver: minor");
        await repository.AssertFullSemVerAsync("0.1.0-pre.2", configuration);

        await repository.ApplyTagAsync("1.0.0");
        await repository.AssertFullSemVerAsync("1.0.0", configuration);

        await repository.MakeACommitAsync("+semver: major");
        await repository.AssertFullSemVerAsync("2.0.0-pre.1", configuration);

        await repository.ApplyTagAsync("2.0.0");
        await repository.MakeACommitAsync();
        await repository.AssertFullSemVerAsync("2.0.0-pre.1", configuration);
    }

    [Fact]
    public async Task A_pre_release_tag_with_another_label_is_counted_past_but_not_taken()
    {
        const string configuration = """
            next-version: '5.0'
            semantic-version-format: Loose
            branches:
              main:
                label: beta
                increment: Patch
                mode: ContinuousDelivery
                is-main-branch: false
            """;
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeACommitAsync();
        await repository.AssertFullSemVerAsync("5.0.0-beta.1", configuration);

        await repository.MakeACommitAsync();
        await repository.AssertFullSemVerAsync("5.0.0-beta.2", configuration);

        await repository.ApplyTagAsync("5.0.0-beta.3");
        await repository.AssertFullSemVerAsync("5.0.0-beta.3", configuration);

        await repository.MakeATaggedCommitAsync("5.0.0-rc.1");
        await repository.AssertFullSemVerAsync("5.0.0-beta.4", configuration);

        await repository.MakeACommitAsync();
        await repository.AssertFullSemVerAsync("5.0.0-beta.5", configuration);
    }

    [Fact]
    public async Task An_empty_label_gives_a_pre_release_of_the_number_alone()
    {
        const string configuration = """
            branches:
              main:
                label: ''
                is-main-branch: false
                mode: ContinuousDelivery
            """;
        using var repository = await ScenarioRepository.InitAsync();
        await repository.MakeCommitsAsync(5);

        await repository.AssertFullSemVerAsync("0.0.1-5", configuration);
    }
}
