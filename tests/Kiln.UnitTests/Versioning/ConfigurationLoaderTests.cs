using Kiln.Versioning;
using Kiln.Versioning.Configuration;

namespace Kiln.UnitTests.Versioning;

public sealed class ConfigurationLoaderTests
{
    [Fact]
    public void Empty_configuration_is_the_GitFlow_template()
    {
        var configuration = ConfigurationLoader.Parse(string.Empty, "GitVersion.yml");

        Assert.Equal("GitFlow/v1", configuration.Workflow);
        Assert.Equal(["main", "develop", "release", "feature", "pull-request", "hotfix", "support", "unknown"], configuration.Branches.Select(branch => branch.Name));
        Assert.Equal(DeploymentMode.ContinuousDelivery, configuration.Defaults.Mode);
        Assert.Equal("[vV]?", configuration.TagPrefix);
        Assert.Equal(60000, configuration.TagPreReleaseWeight);
    }

    [Fact]
    public void GitFlow_develop_is_alpha_with_a_minor_increment_tracking_release_branches()
    {
        var develop = ConfigurationLoader.Parse(string.Empty, "GitVersion.yml").FindBranch("develop")!;

        Assert.Equal("alpha", develop.Label);
        Assert.Equal(IncrementStrategy.Minor, develop.Increment);
        Assert.True(develop.TracksReleaseBranches);
        Assert.True(develop.TrackMergeTarget);
        Assert.False(develop.PreventIncrement.WhenCurrentCommitTagged);
        Assert.Equal(0, develop.PreReleaseWeight);
        Assert.Matches(develop.Regex!, "development");
    }

    [Fact]
    public void Branch_regexes_match_case_insensitively()
    {
        var release = ConfigurationLoader.Parse(string.Empty, "GitVersion.yml").FindBranch("release")!;

        var match = release.Regex!.Match("Release/2.0.0");

        Assert.True(match.Success);
        Assert.Equal("2.0.0", match.Groups["BranchName"].Value);
    }

    [Fact]
    public void A_file_value_replaces_the_template_value_and_keeps_the_rest_of_the_branch()
    {
        var configuration = ConfigurationLoader.Parse("branches:\n  main:\n    mode: ManualDeployment\n", "GitVersion.yml");
        var main = configuration.FindBranch("main")!;

        Assert.Equal(DeploymentMode.ManualDeployment, main.Mode);
        Assert.Equal(IncrementStrategy.Patch, main.Increment);
        Assert.True(main.IsMainBranch);
    }

    [Fact]
    public void Lists_replace_the_template_list_whole()
    {
        var configuration = ConfigurationLoader.Parse("branches:\n  feature:\n    source-branches: [main]\n", "GitVersion.yml");

        Assert.Equal(["main"], configuration.FindBranch("feature")!.SourceBranches);
    }

    [Fact]
    public void A_new_branch_configuration_is_added_after_the_template_ones()
    {
        var configuration = ConfigurationLoader.Parse("branches:\n  docs:\n    regex: ^docs[/-]\n    label: docs\n    source-branches: [main]\n", "GitVersion.yml");

        Assert.Equal("docs", configuration.Branches[^1].Name);
        Assert.Equal("docs", configuration.FindBranch("docs")!.Label);
    }

    [Theory]
    [InlineData("GitHubFlow/v1", new[] { "main", "release", "feature", "pull-request", "unknown" })]
    [InlineData("TrunkBased/preview1", new[] { "main", "feature", "hotfix", "pull-request", "unknown" })]
    public void The_workflow_key_picks_the_template(string workflow, string[] branches)
    {
        var configuration = ConfigurationLoader.Parse($"workflow: {workflow}\n", "GitVersion.yml");

        Assert.Equal(workflow, configuration.Workflow);
        Assert.Equal(branches, configuration.Branches.Select(branch => branch.Name));
    }

    [Fact]
    public void GitHubFlow_release_increments_the_patch_from_main()
    {
        var release = ConfigurationLoader.Parse("workflow: GitHubFlow/v1\n", "GitVersion.yml").FindBranch("release")!;

        Assert.Equal(IncrementStrategy.Patch, release.Increment);
        Assert.Equal(["main"], release.SourceBranches);
    }

    [Fact]
    public void TrunkBased_uses_the_Mainline_strategy_and_continuous_deployment_on_main()
    {
        var configuration = ConfigurationLoader.Parse("workflow: TrunkBased/preview1\n", "GitVersion.yml");

        Assert.Equal([VersionStrategy.ConfiguredNextVersion, VersionStrategy.Mainline], configuration.Strategies);
        Assert.Equal(DeploymentMode.ContinuousDeployment, configuration.FindBranch("main")!.Mode);
    }

    [Fact]
    public void An_empty_workflow_means_no_template()
    {
        var configuration = ConfigurationLoader.Parse("workflow: ''\nbranches:\n  main:\n    regex: ^main$\n", "GitVersion.yml");

        Assert.Equal(string.Empty, configuration.Workflow);
        Assert.Equal(["main"], configuration.Branches.Select(branch => branch.Name));
    }

    [Fact]
    public void Global_keys_are_read_with_their_types()
    {
        var configuration = ConfigurationLoader.Parse(
            "tag-prefix: 'release-'\nnext-version: 2.1\nmode: ContinuousDeployment\ncommit-message-incrementing: MergeMessageOnly\n"
            + "tag-pre-release-weight: 50000\nassembly-versioning-scheme: MajorMinor\nsemantic-version-format: Loose\n"
            + "ignore:\n  sha: [abc123]\n  commits-before: 2024-01-31T12:00:00\n",
            "GitVersion.yml");

        Assert.Equal("release-", configuration.TagPrefix);
        Assert.Equal("2.1", configuration.NextVersion);
        Assert.Equal(DeploymentMode.ContinuousDeployment, configuration.Defaults.Mode);
        Assert.Equal(CommitMessageIncrementMode.MergeMessageOnly, configuration.CommitMessageIncrementing);
        Assert.Equal(50000, configuration.TagPreReleaseWeight);
        Assert.Equal(AssemblyVersioningScheme.MajorMinor, configuration.AssemblyVersioningScheme);
        Assert.Equal(SemanticVersionFormat.Loose, configuration.SemanticVersionFormat);
        Assert.Equal(["abc123"], configuration.Ignore.Shas);
        Assert.Equal(new DateTime(2024, 1, 31, 12, 0, 0), configuration.Ignore.CommitsBefore!.Value.DateTime);
    }

    [Fact]
    public void Bump_message_regexes_default_to_semver_messages_with_an_optional_space()
    {
        var configuration = ConfigurationLoader.Parse(string.Empty, "GitVersion.yml");

        Assert.Matches(configuration.MajorVersionBumpMessage, "+semver: breaking");
        Assert.Matches(configuration.MinorVersionBumpMessage, "+semver:feature");
        Assert.Matches(configuration.PatchVersionBumpMessage, "+semver: fix");
        Assert.Matches(configuration.NoBumpMessage, "+semver:skip");
    }

    [Fact]
    public void An_unknown_key_names_the_file_line_and_the_closest_key()
    {
        var error = Assert.Throws<VersioningException>(() => ConfigurationLoader.Parse("mode: ContinuousDelivery\ntag-prefx: v\n", "GitVersion.yml"));

        Assert.Equal("GitVersion.yml(2): tag-prefx: unknown key 'tag-prefx'. Did you mean 'tag-prefix'? Fix the key or remove it.", error.Message);
    }

    [Fact]
    public void An_unknown_branch_key_names_its_path()
    {
        var error = Assert.Throws<VersioningException>(() => ConfigurationLoader.Parse("branches:\n  main:\n    lable: x\n", "GitVersion.yml"));

        Assert.StartsWith("GitVersion.yml(3): branches.main.lable: unknown key 'lable'. Did you mean 'label'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_regex_is_an_error_naming_the_key()
    {
        var error = Assert.Throws<VersioningException>(() => ConfigurationLoader.Parse("branches:\n  main:\n    regex: '^(main'\n", "GitVersion.yml"));

        Assert.StartsWith("GitVersion.yml(3): branches.main.regex: '^(main' is not a valid regular expression", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_enum_value_lists_the_allowed_values()
    {
        var error = Assert.Throws<VersioningException>(() => ConfigurationLoader.Parse("branches:\n  develop:\n    increment: Minr\n", "GitVersion.yml"));

        Assert.Equal("GitVersion.yml(3): branches.develop.increment: must be one of None, Major, Minor, Patch, Inherit, not 'Minr'.", error.Message);
    }

    [Fact]
    public void A_wrong_value_type_is_an_error()
    {
        var error = Assert.Throws<VersioningException>(() => ConfigurationLoader.Parse("branches:\n  main:\n    is-main-branch: sometimes\n", "GitVersion.yml"));

        Assert.Equal("GitVersion.yml(3): branches.main.is-main-branch: must be true or false, not 'sometimes'.", error.Message);
    }

    [Fact]
    public void A_list_where_a_value_belongs_is_an_error()
    {
        var error = Assert.Throws<VersioningException>(() => ConfigurationLoader.Parse("tag-prefix: [v]\n", "GitVersion.yml"));

        Assert.Equal("GitVersion.yml(1): tag-prefix: must be a single value, not a list or a map.", error.Message);
    }

    [Fact]
    public void An_unknown_source_branch_is_an_error()
    {
        var error = Assert.Throws<VersioningException>(() => ConfigurationLoader.Parse("branches:\n  feature:\n    source-branches: [mian]\n", "GitVersion.yml"));

        Assert.StartsWith("GitVersion.yml(3): branches.feature.source-branches: 'mian' is not a branch configuration", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_workflow_lists_the_templates()
    {
        var error = Assert.Throws<VersioningException>(() => ConfigurationLoader.Parse("workflow: GitFlow/v2\n", "GitVersion.yml"));

        Assert.Equal("GitVersion.yml(1): workflow: 'GitFlow/v2' is not a workflow; use one of GitFlow/v1, GitHubFlow/v1, TrunkBased/preview1, or '' for none.", error.Message);
    }

    [Fact]
    public void Broken_yaml_names_the_line()
    {
        var error = Assert.Throws<VersioningException>(() => ConfigurationLoader.Parse("mode: ContinuousDelivery\nbranches:\n  main: [unclosed\n", "GitVersion.yml"));

        Assert.StartsWith("GitVersion.yml(", error.Message, StringComparison.Ordinal);
        Assert.Contains("not valid YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_next_version_that_is_not_a_version_is_an_error()
    {
        var error = Assert.Throws<VersioningException>(() => ConfigurationLoader.Parse("next-version: soon\n", "GitVersion.yml"));

        Assert.Equal("GitVersion.yml(1): next-version: 'soon' is not a version: write it as 1.2.0 (or 1.2, or 1).", error.Message);
    }

    [Fact]
    public void The_file_is_found_in_the_working_directory_before_the_repository_root()
    {
        var root = Directory.CreateTempSubdirectory("kiln-gitversion-");
        try
        {
            var nested = Directory.CreateDirectory(Path.Combine(root.FullName, "src"));
            File.WriteAllText(Path.Combine(root.FullName, "GitVersion.yml"), "mode: ManualDeployment\n");
            File.WriteAllText(Path.Combine(nested.FullName, ".GitVersion.yml"), "mode: ContinuousDeployment\n");

            Assert.Equal(Path.Combine(nested.FullName, ".GitVersion.yml"), ConfigurationLoader.Find(root.FullName, nested.FullName));
            Assert.Equal(DeploymentMode.ManualDeployment, ConfigurationLoader.Load(root.FullName).Defaults.Mode);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public void Without_a_file_the_default_template_applies()
    {
        var root = Directory.CreateTempSubdirectory("kiln-gitversion-");
        try
        {
            Assert.Null(ConfigurationLoader.Find(root.FullName));
            Assert.Equal("GitFlow/v1", ConfigurationLoader.Load(root.FullName).Workflow);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_missing_explicit_file_is_an_error()
    {
        var error = Assert.Throws<VersioningException>(() => ConfigurationLoader.Load("/tmp", configurationFile: "/tmp/does-not-exist.yml"));

        Assert.StartsWith("The configuration file /tmp/does-not-exist.yml does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void This_repositorys_GitVersion_yml_is_valid()
    {
        var root = FindRepositoryRoot();

        var configuration = ConfigurationLoader.Load(root);

        Assert.Equal("GitFlow/v1", configuration.Workflow);
        Assert.Equal("alpha", configuration.FindBranch("develop")!.Label);
    }

    private static string FindRepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string sourceFile = "")
    {
        // From this source file, not the test assembly: the assembly may be built outside the repository.
        for (var folder = new DirectoryInfo(Path.GetDirectoryName(sourceFile)!); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "GitVersion.yml")) && Directory.Exists(Path.Combine(folder.FullName, ".nuke")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with GitVersion.yml and .nuke) was not found above this source file.");
    }
}
