namespace Kiln.UnitTests.Versioning;

/// <summary>The calculator's rules, one configuration key or behaviour each, over in-memory histories.</summary>
public sealed class VersionCalculatorTests
{
    [Fact]
    public void A_tagged_head_on_main_is_the_tag()
    {
        Assert.Equal("1.0.3", new HistoryBuilder().Commit().Tag("1.0.3").FullSemVer());
    }

    [Fact]
    public void Commits_after_a_tag_on_main_count_as_the_pre_release_number()
    {
        Assert.Equal("1.0.4-5", new HistoryBuilder().Commit().Tag("1.0.3").Commits(5).FullSemVer());
    }

    [Fact]
    public void Without_tags_main_starts_from_the_fallback()
    {
        Assert.Equal("0.0.1-3", new HistoryBuilder().Commits(3).FullSemVer());
    }

    [Theory]
    [InlineData("ManualDeployment", "", "1.0.1-1+2")]
    [InlineData("ContinuousDelivery", "ci", "1.0.1-ci.2")]
    [InlineData("ContinuousDeployment", "ci", "1.0.1")]
    public void The_mode_decides_number_and_metadata(string mode, string label, string expected)
    {
        var yaml = $"branches:\n  main:\n    mode: {mode}\n    label: '{label}'\n";

        Assert.Equal(expected, new HistoryBuilder().Commit().Tag("1.0.0").Commits(2).FullSemVer(yaml));
    }

    [Fact]
    public void A_global_mode_applies_to_branches_that_leave_it_unset()
    {
        Assert.Equal("1.0.1", new HistoryBuilder().Commit().Tag("1.0.0").Commits(2).FullSemVer("mode: ContinuousDeployment\n"));
    }

    [Fact]
    public void Tag_prefix_decides_which_tags_are_versions()
    {
        var history = new HistoryBuilder().Commit().Tag("release-2.0.0").Tag("v1.0.0").Commit();

        Assert.Equal("2.0.1-1", history.FullSemVer("tag-prefix: 'release-'\n"));
        Assert.Equal("1.0.1-1", history.FullSemVer());
    }

    [Fact]
    public void A_strict_format_ignores_short_versions_a_loose_one_reads_them()
    {
        var history = new HistoryBuilder().Commit().Tag("1.2").Commit();

        Assert.Equal("0.0.1-2", history.FullSemVer());
        Assert.Equal("1.2.1-1", history.FullSemVer("semantic-version-format: Loose\n"));
    }

    [Fact]
    public void Next_version_wins_when_it_is_higher_than_the_tags()
    {
        var history = new HistoryBuilder().Commit().Tag("1.0.0").Commits(2);

        Assert.Equal("2.0.0-2", history.FullSemVer("next-version: 2.0.0\n"));
    }

    [Fact]
    public void Next_version_lower_than_a_tag_is_ignored()
    {
        Assert.Equal("1.1.1-5", new HistoryBuilder().Commit().Tag("1.1.0").Commits(5).FullSemVer("next-version: 1.0.0\n"));
    }

    [Fact]
    public void Next_version_is_ignored_on_a_tagged_head()
    {
        Assert.Equal("1.0.0", new HistoryBuilder().Commit().Tag("1.0.0").FullSemVer("next-version: 3.0.0\n"));
    }

    [Theory]
    [InlineData("+semver: major", "2.0.0-1")]
    [InlineData("+semver:breaking", "2.0.0-1")]
    [InlineData("+semver: feature", "1.1.0-1")]
    [InlineData("+semver: fix", "1.0.1-1")]
    [InlineData("+semver: none", "1.0.1-1")]
    public void Bump_messages_raise_the_increment_but_never_lower_it(string message, string expected)
    {
        Assert.Equal(expected, new HistoryBuilder().Commit().Tag("1.0.0").Commit(message).FullSemVer());
    }

    [Fact]
    public void Bump_message_regexes_are_configurable()
    {
        var history = new HistoryBuilder().Commit().Tag("1.0.0").Commit("BREAKING: new API");

        Assert.Equal("2.0.0-1", history.FullSemVer("major-version-bump-message: '^BREAKING'\n"));
    }

    [Fact]
    public void Disabled_commit_message_incrementing_ignores_bump_messages()
    {
        var history = new HistoryBuilder().Commit().Tag("1.0.0").Commit("+semver: major");

        Assert.Equal("1.0.1-1", history.FullSemVer("commit-message-incrementing: Disabled\n"));
    }

    [Fact]
    public void Merge_message_only_incrementing_reads_merge_commits_alone()
    {
        var history = new HistoryBuilder().Commit().Tag("1.0.0").Branch("feature/a").Commit("+semver: major").Checkout("main");
        var direct = new HistoryBuilder().Commit().Tag("1.0.0").Commit("+semver: major");

        Assert.Equal("2.0.0-2", history.Merge("feature/a", "Merge branch 'feature/a' +semver: major").FullSemVer("commit-message-incrementing: MergeMessageOnly\n"));
        Assert.Equal("1.0.1-1", direct.FullSemVer("commit-message-incrementing: MergeMessageOnly\n"));
    }

    [Fact]
    public void Bump_messages_behind_a_newer_tag_are_already_released()
    {
        var history = new HistoryBuilder().Commit().Tag("1.0.0").Commit("+semver: major").Tag("1.1.0").Commit();

        Assert.Equal("1.1.1-1", history.FullSemVer());
    }

    [Fact]
    public void A_label_fills_named_groups_of_the_branch_regex()
    {
        var yaml = "branches:\n  feature:\n    regex: '^features?/(?<Team>[a-z]+)/(?<Topic>.+)'\n    label: '{Team}-{Topic}'\n";
        var history = new HistoryBuilder().Commit().Tag("1.0.0").Branch("feature/core/login_page").Commit();

        Assert.Equal("1.0.1-core-login-page.1+1", history.FullSemVer(yaml));
    }

    [Fact]
    public void A_label_reads_environment_variables()
    {
        var yaml = "branches:\n  main:\n    label: '{env:STAGE}'\n";
        var history = new HistoryBuilder().Commit().Tag("1.0.0").Commit();

        Assert.Equal("1.0.1-qa.1", history.FullSemVer(yaml, new Dictionary<string, string> { ["STAGE"] = "qa" }));
    }

    [Fact]
    public void A_pull_request_branch_is_labelled_with_its_number()
    {
        var history = new HistoryBuilder().Commit().Tag("1.0.0").Branch("pull/7/merge").Commit();

        Assert.Equal("1.0.1-PullRequest7.1", history.FullSemVer());
    }

    [Fact]
    public void An_empty_label_gives_a_bare_pre_release_number()
    {
        Assert.Equal("1.0.1-2", new HistoryBuilder().Commit().Tag("1.0.0").Commits(2).FullSemVer());
    }

    [Fact]
    public void Inherit_takes_the_increment_of_the_branch_it_was_created_from()
    {
        var offDevelop = new HistoryBuilder().Commit().Tag("1.0.0").Branch("develop").Branch("feature/a").Commit();
        var offMain = new HistoryBuilder().Commit().Tag("1.0.0").Branch("feature/a").Commit();

        Assert.Equal("1.1.0-a.1+1", offDevelop.FullSemVer());
        Assert.Equal("1.0.1-a.1+1", offMain.FullSemVer());
    }

    [Fact]
    public void Source_branches_limit_where_inherit_looks()
    {
        var yaml = "branches:\n  feature:\n    source-branches: [main]\n";
        var history = new HistoryBuilder().Commit().Tag("1.0.0").Branch("develop").Commit().Branch("feature/a").Commit();

        Assert.Equal("1.0.1-a.1+2", history.FullSemVer(yaml));
    }

    [Fact]
    public void A_configured_increment_replaces_the_templates()
    {
        var yaml = "branches:\n  main:\n    increment: Minor\n";

        Assert.Equal("1.1.0-1", new HistoryBuilder().Commit().Tag("1.0.0").Commit().FullSemVer(yaml));
    }

    [Fact]
    public void When_current_commit_tagged_false_computes_the_next_pre_release_on_a_tagged_head()
    {
        var history = new HistoryBuilder().Commit().Tag("1.0.0").Branch("release/1.1.0").Commit().Tag("1.1.0-beta.1");

        Assert.Equal("1.1.0-beta.2+0", history.FullSemVer());
        Assert.Equal("1.1.0-beta.1", history.FullSemVer("branches:\n  release:\n    prevent-increment:\n      when-current-commit-tagged: true\n"));
    }

    [Fact]
    public void A_pre_release_tag_with_another_label_is_no_base_version_but_a_floor()
    {
        var history = new HistoryBuilder().Commit().Tag("1.0.0").Branch("feature/x").Commit().Tag("2.0.0-x.1").Checkout("main").Merge("feature/x");

        Assert.Equal("2.0.0-2", history.FullSemVer());
    }

    [Fact]
    public void A_release_branch_takes_its_version_from_its_name()
    {
        var history = new HistoryBuilder().Commit().Tag("1.0.3").Commits(5).Branch("release/2.0.0").Commits(2);

        Assert.Equal("2.0.0-beta.1+7", history.FullSemVer());
    }

    [Fact]
    public void Version_in_branch_name_is_read_only_on_release_branches()
    {
        var history = new HistoryBuilder().Commit().Tag("1.0.0").Branch("feature/2.0.0-login").Commit();

        Assert.Equal("1.0.1-2-0-0-login.1+1", history.FullSemVer());
    }

    [Fact]
    public void Is_release_branch_makes_a_branch_name_version_count()
    {
        var yaml = "branches:\n  feature:\n    is-release-branch: true\n";
        var history = new HistoryBuilder().Commit().Tag("1.0.0").Branch("feature/3.0.0").Commit();

        Assert.Equal("3.0.0-3-0-0.1+1", history.FullSemVer(yaml));
    }

    [Fact]
    public void Version_in_branch_pattern_is_configurable()
    {
        var yaml = "version-in-branch-pattern: 'next-v(?<version>\\d+\\.\\d+)'\n";
        var history = new HistoryBuilder().Commit().Tag("1.0.0").Branch("release/next-v4.2").Commit();

        Assert.Equal("4.2.0-beta.1+1", history.FullSemVer(yaml));
    }

    [Fact]
    public void Develop_tracks_open_release_branches()
    {
        var history = new HistoryBuilder().Commit().Tag("1.0.0").Branch("develop").Commit().Branch("release/3.0.0").Commit().Checkout("develop").Commit();

        Assert.Equal("3.1.0-alpha.1", history.FullSemVer());
    }

    [Fact]
    public void A_tracked_release_branch_merged_back_into_develop_counts_from_where_it_left_develop()
    {
        var history = new HistoryBuilder().Commit().Tag("1.0.0").Branch("develop").Commit().Branch("release/2.0.0").Commits(2)
            .Checkout("develop").Commit().Merge("release/2.0.0");

        Assert.Equal("2.1.0-alpha.4", history.FullSemVer());
    }

    [Fact]
    public void A_merged_release_is_no_source_to_count_from_once_its_branch_is_gone()
    {
        var history = new HistoryBuilder().Commit().Branch("develop").Commit().Branch("release/1.0.0").Commit()
            .Checkout("develop").Commit().Merge("release/1.0.0").Delete("release/1.0.0");

        Assert.Equal("1.1.0-alpha.5", history.FullSemVer());
    }

    [Fact]
    public void A_feature_created_from_a_release_branch_takes_the_version_in_that_branch_name()
    {
        var history = new HistoryBuilder().Commit().Tag("1.0.0").Branch("develop").Commit().Branch("release/2.0.0").Commit()
            .Checkout("develop").Merge("release/2.0.0").Checkout("release/2.0.0").Branch("feature/x").Commit();

        Assert.Equal("2.0.0-x.1+3", history.FullSemVer());
    }

    [Fact]
    public void A_feature_off_a_hotfix_inherits_is_release_branch_and_ignores_newer_tags_on_main()
    {
        var history = new HistoryBuilder().Commit().Tag("1.1.0").Branch("support-1.1").Checkout("main").Commit().Tag("2.0.0")
            .Checkout("support-1.1").Branch("hotfix-1.1.1").Commit().Branch("feature/fix").Commit();

        Assert.Equal("1.1.1-fix.1+2", history.FullSemVer());
    }

    [Fact]
    public void Tracks_release_branches_off_ignores_open_release_branches()
    {
        var yaml = "branches:\n  develop:\n    tracks-release-branches: false\n";
        var history = new HistoryBuilder().Commit().Tag("1.0.0").Branch("develop").Commit().Branch("release/3.0.0").Commit().Checkout("develop").Commit();

        Assert.Equal("1.1.0-alpha.2", history.FullSemVer(yaml));
    }

    [Fact]
    public void A_merged_release_branch_gives_its_version_without_increment_on_main()
    {
        var history = new HistoryBuilder().Commit().Tag("1.0.0").Branch("release/2.0.0").Commits(2).Checkout("main").Merge("release/2.0.0");

        Assert.Equal("2.0.0-3", history.FullSemVer());
    }

    [Fact]
    public void Prevent_increment_of_merged_branch_off_increments_a_merged_release()
    {
        var yaml = "branches:\n  main:\n    prevent-increment:\n      of-merged-branch: false\n";
        var history = new HistoryBuilder().Commit().Tag("1.0.0").Branch("release/2.0.0").Commits(2).Checkout("main").Merge("release/2.0.0");

        Assert.Equal("2.0.1-3", history.FullSemVer(yaml));
    }

    [Fact]
    public void Merge_message_formats_recognise_custom_merge_messages()
    {
        var yaml = "merge-message-formats:\n  tfs: '^Merged (?<SourceBranch>\\S+) into (?<TargetBranch>\\S+)'\n";
        var history = new HistoryBuilder().Commit().Tag("1.0.0").Branch("release/2.0.0").Commit().Checkout("main").Merge("release/2.0.0", "Merged release/2.0.0 into main");

        Assert.Equal("2.0.0-2", history.FullSemVer(yaml));
        Assert.Equal("1.0.1-2", history.FullSemVer("branches:\n  main:\n    track-merge-message: false\n"));
    }

    [Fact]
    public void Ignored_commits_are_neither_sources_nor_counted()
    {
        var history = new HistoryBuilder().Commit().Tag("1.0.0").Commit().Tag("1.1.0").Commits(2);
        var tagged = history.Build().Tags.Single(tag => tag.Name == "1.1.0").Sha;

        Assert.Equal("1.0.1-2", history.FullSemVer($"ignore:\n  sha: [{tagged}]\n"));
    }

    [Fact]
    public void Commits_before_a_date_are_ignored()
    {
        // Commits are one minute apart from 2026-01-01T00:00Z; the first two are older than the cut-off.
        var history = new HistoryBuilder().Commits(5);
        var cutOff = new DateTimeOffset(2026, 1, 1, 0, 1, 30, TimeSpan.Zero).ToLocalTime().ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal("0.0.1-3", history.FullSemVer($"ignore:\n  commits-before: {cutOff}\n"));
    }

    [Fact]
    public void Only_the_enabled_strategies_propose_versions()
    {
        var history = new HistoryBuilder().Commit().Tag("1.0.0").Branch("release/2.0.0").Commit();

        Assert.Equal("1.1.0-beta.1+1", history.FullSemVer("strategies: [Fallback, TaggedCommit]\n"));
    }

    [Fact]
    public void The_version_source_is_the_tag_that_decided_and_the_count_follows_it()
    {
        var result = new HistoryBuilder().Commit().Tag("1.0.0").Commits(3).Calculate();

        Assert.Equal(1.ToString("x40", System.Globalization.CultureInfo.InvariantCulture), result.VersionSourceSha);
        Assert.Equal(3, result.CommitsSinceVersionSource);
        Assert.Equal("1.0.0", result.VersionSourceSemVer.SemVer);
        Assert.Equal(Kiln.Versioning.Configuration.IncrementStrategy.Patch, result.VersionSourceIncrement);
    }

    [Fact]
    public void The_fallback_has_no_version_source_and_counts_every_commit()
    {
        var result = new HistoryBuilder().Commits(4).Calculate();

        Assert.Null(result.VersionSourceSha);
        Assert.Equal(4, result.CommitsSinceVersionSource);
    }

    [Fact]
    public void A_detached_head_takes_the_branch_that_points_at_it()
    {
        var history = new HistoryBuilder().Commit().Tag("1.0.0").Branch("develop").Commit();

        var result = Kiln.Versioning.Calculation.VersionCalculator.Calculate(history.Build(headBranch: null), Kiln.Versioning.Configuration.ConfigurationLoader.Parse(string.Empty, "GitVersion.yml"), 0, new Dictionary<string, string>());

        Assert.Equal("develop", result.BranchName);
        Assert.Equal("1.1.0-alpha.1", result.Version.SemVer);
    }

    [Fact]
    public void Mainline_increments_main_once_per_commit_and_merge()
    {
        var yaml = "workflow: TrunkBased/preview1\n";
        var history = new HistoryBuilder().Commit().Tag("1.0.0").Commits(2).Branch("feature/a").Commit().Checkout("main").Merge("feature/a");

        Assert.Equal("1.1.0", history.FullSemVer(yaml));
    }

    [Fact]
    public void Mainline_branches_take_the_main_version_at_their_branch_point()
    {
        var yaml = "workflow: TrunkBased/preview1\n";
        var history = new HistoryBuilder().Commits(2).Branch("feature/foo").Commit().Branch("bar").Commit();

        Assert.Equal("0.0.3-bar.2", history.FullSemVer(yaml));
    }

    [Theory]
    [InlineData(true, false, "2.0.1")]
    [InlineData(false, false, "2.1.0")]
    [InlineData(true, true, "2.0.0")]
    [InlineData(false, true, "2.1.0")]
    public void Mainline_merge_raises_mains_increment_and_the_merged_branchs_unless_prevented(bool ofMergedBranch, bool whenBranchMerged, string expected)
    {
        var yaml = $"""
            workflow: TrunkBased/preview1
            branches:
              main:
                increment: Minor
                prevent-increment:
                  of-merged-branch: {(ofMergedBranch ? "true" : "false")}
              hotfix:
                prevent-increment:
                  when-branch-merged: {(whenBranchMerged ? "true" : "false")}
            """;
        var history = new HistoryBuilder().Commit().Tag("1.0.0").Branch("hotfix/a").Commit().Checkout("main").Commit().Tag("2.0.0").Merge("hotfix/a");

        Assert.Equal(expected, history.FullSemVer(yaml));
    }

    [Fact]
    public void Mainline_merge_of_a_branch_that_inherits_raises_mains_increment()
    {
        var yaml = "workflow: TrunkBased/preview1\nbranches:\n  main:\n    increment: Minor\n";
        var history = new HistoryBuilder().Commit().Tag("1.0.0").Branch("pull/3/merge").Commit().Checkout("main").Merge("pull/3/merge");

        Assert.Equal("1.1.0", history.FullSemVer(yaml));
    }

    [Fact]
    public void Mainline_bump_messages_on_main_raise_that_step()
    {
        var yaml = "workflow: TrunkBased/preview1\n";

        Assert.Equal("2.0.1", new HistoryBuilder().Commit().Tag("1.0.0").Commit("+semver: major").Commit().FullSemVer(yaml));
    }

    [Fact]
    public void Track_merge_target_sees_the_tag_on_the_merge_that_released_this_branch()
    {
        var history = new HistoryBuilder().Commit().Tag("1.0.0").Branch("develop").Commits(2).Checkout("main").Merge("develop").Tag("1.1.0").Checkout("develop");

        Assert.Equal("1.2.0-alpha.0", history.FullSemVer());
        Assert.Equal("1.1.0-alpha.2", history.FullSemVer("branches:\n  develop:\n    track-merge-target: false\n"));
    }
}
