using Kiln.GitHubActions;
using YamlDotNet.RepresentationModel;
using static Kiln.UnitTests.GitHubActions.GeneratedWorkflow;

namespace Kiln.UnitTests.GitHubActions;

public sealed class WorkflowGeneratorTests
{
    public enum Configuration
    {
        Debug,
        Release,
    }

    [Fact]
    public void Generator_makes_one_job_per_invoked_target_in_graph_order()
    {
        var workflow = Of(new PipelineBuild());

        Assert.Equal(["compile", "unit-test", "integration-test", "pack"], workflow.JobIds);
        Assert.Equal("IntegrationTest", At(workflow.Job("integration-test"), "name"));
        Assert.Equal("UnitTest (${{ matrix.os }})", At(workflow.Job("unit-test"), "name"));
    }

    [Fact]
    public void Generator_makes_needs_follow_the_graph_with_only_the_nearest_jobs()
    {
        var workflow = Of(new PipelineBuild());

        Assert.Empty(workflow.Needs("compile"));
        Assert.Equal(["compile"], workflow.Needs("unit-test"));
        Assert.Equal(["compile"], workflow.Needs("integration-test"));
        Assert.Equal(["unit-test", "integration-test"], workflow.Needs("pack"));
    }

    [Fact]
    public void A_job_redoes_upstream_targets_whose_outputs_it_needs_on_its_fresh_runner()
    {
        // Restore and Compile prepare the runner and nothing downloads their outputs, so the test job does them again.
        Assert.Equal("./build.sh UnitTest", Of(new PipelineBuild()).Run("unit-test"));
    }

    [Fact]
    public void A_job_skips_upstream_targets_that_needed_jobs_already_did()
    {
        // The test jobs verified the tests; Pack does not run them again, but prepares its runner (Restore, Compile).
        Assert.Equal("./build.sh Pack --skip UnitTest IntegrationTest", Of(new PipelineBuild()).Run("pack"));
    }

    [Fact]
    public void Consumed_artifacts_are_downloaded_instead_of_produced_again()
    {
        var workflow = Of(new ArtifactBuild());

        Assert.Equal("./build.sh Publish --skip Restore Compile Pack", workflow.Run("publish"));
        var download = workflow.Step("publish", "Download Pack artifacts")!;
        Assert.StartsWith("actions/download-artifact@", At(download, "uses"), StringComparison.Ordinal);
        Assert.Equal("Pack", At(download, "with", "name"));
        Assert.Equal("artifacts/packages", At(download, "with", "path"));
    }

    [Fact]
    public void The_job_of_an_assured_target_runs_when_a_job_it_needs_failed()
    {
        var workflow = Of(new AssuredReportBuild());

        Assert.Equal("${{ !cancelled() }}", At(workflow.Job("report"), "if"));
        Assert.DoesNotContain(workflow.Job("unit-test").Children.Keys, key => Scalar(key) == "if");
    }

    [Fact]
    public void The_producing_job_uploads_what_a_later_job_consumes()
    {
        var upload = Of(new ArtifactBuild()).Step("pack", "Upload Pack artifacts")!;

        Assert.StartsWith("actions/upload-artifact@", At(upload, "uses"), StringComparison.Ordinal);
        Assert.Equal("Pack", At(upload, "with", "name"));
        Assert.Equal("artifacts/packages/*.nupkg\nartifacts/packages/*.snupkg", At(upload, "with", "path"));
        Assert.Equal("error", At(upload, "with", "if-no-files-found"));
    }

    [Fact]
    public void A_last_job_uploads_what_its_target_produces()
    {
        var upload = Of(new LeafBuild()).Step("unit-test", "Upload UnitTest artifacts")!;

        Assert.Equal("UnitTest-${{ matrix.os }}", At(upload, "with", "name"));
        Assert.Equal("${{ !cancelled() }}", At(upload, "if"));
        Assert.Equal("warn", At(upload, "with", "if-no-files-found"));
    }

    [Fact]
    public void A_consumer_of_a_cross_platform_target_downloads_the_artifact_of_the_first_image()
    {
        var workflow = Of(new CrossPlatformReportBuild());

        var download = workflow.Step("report", "Download UnitTest artifacts (ubuntu-latest)")!;
        Assert.Equal("UnitTest-ubuntu-latest", At(download, "with", "name"));
        Assert.Equal("artifacts/test-results", At(download, "with", "path"));
        Assert.Equal("UnitTest-${{ matrix.os }}", At(workflow.Step("unit-test", "Upload UnitTest artifacts")!, "with", "name"));
        Assert.Equal("error", At(workflow.Step("unit-test", "Upload UnitTest artifacts")!, "with", "if-no-files-found"));
    }

    [Fact]
    public void Consuming_the_artifacts_of_a_partitioned_target_is_refused_naming_the_jobs()
    {
        var error = Assert.Throws<KilnException>(() => Of(new PartitionedReportBuild()));

        Assert.Equal(
            "[GitHubActions(\"ci\")]: job 'report' consumes UnitTest's artifacts from the partitioned job 'unit-test', whose shares upload separately; consume them from a job without Partition.",
            error.Message);
    }

    [Fact]
    public void A_job_that_others_build_on_does_not_upload_its_own_outputs()
    {
        Assert.Null(Of(new PipelineBuild()).Step("compile", "Upload Compile artifacts"));
    }

    [Fact]
    public void Cross_platform_targets_run_as_an_os_matrix_without_fail_fast()
    {
        var job = Of(new PipelineBuild()).Job("unit-test");

        Assert.Equal("${{ matrix.os }}", At(job, "runs-on"));
        Assert.Equal("false", At(job, "strategy", "fail-fast"));
        Assert.Equal(["ubuntu-latest", "windows-latest", "macos-latest"], Strings(((YamlMappingNode)((YamlMappingNode)job["strategy"])["matrix"])["os"]));
        Assert.Equal("ubuntu-latest", At(Of(new PipelineBuild()).Job("integration-test"), "runs-on"));
    }

    [Fact]
    public void A_partitioned_target_becomes_a_matrix_of_partitions()
    {
        var workflow = Of(new PartitionBuild());

        Assert.Equal(["1", "2", "3"], Strings(((YamlMappingNode)((YamlMappingNode)workflow.Job("test")["strategy"])["matrix"])["partition"]));
        Assert.Equal("./build.sh Test --partition ${{ matrix.partition }}/3", workflow.Run("test"));
    }

    [Fact]
    public void Every_job_reads_contents_only_unless_a_target_asks_for_more()
    {
        var workflow = Of(new DeployBuild(), "release");

        Assert.Empty((YamlMappingNode)workflow.Root["permissions"]);
        Assert.Equal("read", At(workflow.Job("publish"), "permissions", "contents"));
        Assert.False(((YamlMappingNode)workflow.Job("publish")["permissions"]).Children.ContainsKey("id-token"));
        Assert.Equal("write", At(workflow.Job("deploy-production"), "permissions", "id-token"));
    }

    [Fact]
    public void Only_the_deploying_targets_job_gets_the_environment()
    {
        var workflow = Of(new DeployBuild(), "release");

        Assert.Equal("production", At(workflow.Job("deploy-production"), "environment", "name"));
        Assert.Equal("https://example.org", At(workflow.Job("deploy-production"), "environment", "url"));
        Assert.False(workflow.Job("publish").Children.ContainsKey("environment"));
        Assert.False(workflow.Job("deploy-staging").Children.ContainsKey("environment"));
        Assert.Equal(["deploy-staging"], workflow.Needs("deploy-production"));
    }

    [Fact]
    public void A_secret_reaches_only_the_jobs_whose_targets_require_it()
    {
        var workflow = Of(new DeployBuild(), "release");

        Assert.Equal("${{ secrets.NUGET_API_KEY }}", At(workflow.RunStep("publish"), "env", "NUGET_API_KEY"));
        Assert.False(((YamlMappingNode)workflow.RunStep("deploy-staging")["env"]).Children.ContainsKey("NUGET_API_KEY"));
        Assert.False(((YamlMappingNode)workflow.RunStep("deploy-production")["env"]).Children.ContainsKey("NUGET_API_KEY"));
    }

    [Fact]
    public void A_secret_that_a_targets_condition_reads_reaches_that_targets_job()
    {
        var workflow = Of(new ConditionalSecretBuild());

        Assert.Equal("${{ secrets.NUGET_API_KEY }}", At(workflow.RunStep("publish"), "env", "NUGET_API_KEY"));
        Assert.Equal("${{ vars.NUGET_SOURCE }}", At(workflow.RunStep("publish"), "env", "NUGET_SOURCE"));
        Assert.False(workflow.RunStep("pack").Children.ContainsKey("env"));
    }

    [Fact]
    public void Every_job_uploads_what_its_target_produces_even_when_a_later_job_needs_it()
    {
        var workflow = Of(new ConditionalSecretBuild());

        Assert.Equal("artifacts/coverage/**", At(workflow.Step("test", "Upload Test artifacts")!, "with", "path"));
        Assert.Equal(["test"], workflow.Needs("pack"));
    }

    [Fact]
    public void A_variable_is_bound_from_vars()
    {
        var workflow = Of(new DeployBuild(), "release");

        Assert.Equal("${{ vars.STORAGE_ACCOUNT }}", At(workflow.RunStep("deploy-staging"), "env", "STORAGE_ACCOUNT"));
    }

    [Fact]
    public void Workflow_dispatch_inputs_are_typed_from_their_parameters()
    {
        var workflow = Of(new DeployBuild(), "release");
        var inputs = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)workflow.Root["on"])["workflow_dispatch"])["inputs"];

        Assert.Equal("choice", At(inputs, "configuration", "type"));
        Assert.Equal(["Debug", "Release"], Strings(((YamlMappingNode)inputs["configuration"])["options"]));
        Assert.Equal("The configuration.", At(inputs, "configuration", "description"));
        Assert.Equal("boolean", At(inputs, "dry-run", "type"));
        Assert.Equal("string", At(inputs, "release-notes", "type"));
        Assert.Equal("${{ inputs.configuration }}", At(workflow.RunStep("publish"), "env", "CONFIGURATION"));
    }

    [Fact]
    public void Triggers_carry_their_filters()
    {
        var on = (YamlMappingNode)Of(new DeployBuild(), "release").Root["on"];

        Assert.Equal(["v*"], Strings(((YamlMappingNode)on["push"])["tags"]));
        Assert.Equal(["docs/**"], Strings(((YamlMappingNode)on["push"])["paths-ignore"]));
        Assert.Equal(["0 3 * * *", "0 12 * * 1"], ((YamlSequenceNode)on["schedule"]).Children.Select(entry => At(entry, "cron")));
        Assert.Equal(["published"], Strings(((YamlMappingNode)on["release"])["types"]));
        Assert.Equal(["main"], Strings(((YamlMappingNode)Of(new PipelineBuild()).Root["on"])["pull_request"]["branches"]));
    }

    [Fact]
    public void Concurrency_cancels_older_runs_except_on_the_repositorys_default_branch()
    {
        var workflow = Of(new PipelineBuild());

        Assert.Equal("${{ github.workflow }}-${{ github.ref }}", At(workflow.Root, "concurrency", "group"));
        Assert.Equal("${{ github.ref != format('refs/heads/{0}', github.event.repository.default_branch) }}", At(workflow.Root, "concurrency", "cancel-in-progress"));
    }

    [Fact]
    public void Concurrency_cancels_older_runs_except_on_a_default_branch_named_in_the_attribute()
    {
        var workflow = Of(new TrunkBuild());

        Assert.Equal("${{ github.ref != 'refs/heads/trunk' }}", At(workflow.Root, "concurrency", "cancel-in-progress"));
    }

    [Fact]
    public void Jobs_check_out_full_history_set_up_dotnet_from_global_json_and_cache_packages()
    {
        var workflow = Of(new PipelineBuild());
        var steps = workflow.Steps("compile");

        Assert.StartsWith("actions/checkout@", At(steps[0], "uses"), StringComparison.Ordinal);
        Assert.Equal("0", At(steps[0], "with", "fetch-depth"));
        Assert.Equal("global.json", At(steps[1], "with", "global-json-file"));
        Assert.Contains("hashFiles('global.json', 'Directory.Packages.props', '**/*.csproj')", At(steps[2], "with", "key"), StringComparison.Ordinal);
        Assert.Equal("bash", At(workflow.RunStep("compile"), "shell"));
        Assert.Equal("45", At(workflow.Job("compile"), "timeout-minutes"));
    }

    [Fact]
    public void Without_a_global_json_jobs_set_up_the_newest_dotnet_10()
    {
        var workflow = Of(new PipelineBuild(), sdkFromGlobalJson: false);

        Assert.Equal("10.0.x", At(workflow.Steps("compile")[1], "with", "dotnet-version"));
    }

    [Fact]
    public void Every_checkout_leaves_no_credentials_in_the_repository_for_later_steps()
    {
        foreach (var workflow in new[] { Of(new PipelineBuild()), Of(new DeployBuild(), "release") })
        {
            foreach (var id in workflow.JobIds)
            {
                var checkout = workflow.Steps(id).Single(step => Uses(step, "actions/checkout"));
                Assert.Equal("false", At(checkout, "with", "persist-credentials"));
            }
        }
    }

    [Fact]
    public void A_job_that_deploys_or_writes_restores_no_package_cache_that_another_run_could_have_poisoned()
    {
        var workflow = Of(new DeployBuild(), "release");

        Assert.DoesNotContain(workflow.Steps("deploy-production"), step => Uses(step, "actions/cache"));
        Assert.DoesNotContain(Of(new WritingBuild()).Steps("release"), step => Uses(step, "actions/cache"));
        Assert.Contains(workflow.Steps("publish"), step => Uses(step, "actions/cache"));
    }

    [Fact]
    public void A_deploy_job_waits_for_the_environments_earlier_deploy_instead_of_cancelling_it()
    {
        var workflow = Of(new DeployBuild(), "release");

        Assert.Equal("deploy-production", At(workflow.Job("deploy-production"), "concurrency", "group"));
        Assert.Equal("false", At(workflow.Job("deploy-production"), "concurrency", "cancel-in-progress"));
        Assert.False(workflow.Job("deploy-staging").Children.ContainsKey("concurrency"));
    }

    [Fact]
    public void A_workflow_can_override_an_action_version()
    {
        var workflow = Of(new DeployBuild(), "release");

        Assert.Equal("actions/checkout@v5", At(workflow.Steps("publish")[0], "uses"));
        Assert.Matches(PinnedUses("actions/setup-dotnet"), At(workflow.Steps("publish")[1], "uses"));
    }

    [Fact]
    public void A_pinned_commit_is_written_with_its_version_as_a_comment()
    {
        var workflow = Of(new PinnedBuild());

        Assert.Equal($"actions/checkout@{PinnedSha}", At(workflow.Steps("build")[0], "uses"));
        Assert.Contains($"uses: actions/checkout@{PinnedSha} # v6.0.1\n", workflow.Text, StringComparison.Ordinal);
        Assert.Matches(PinnedUses("actions/setup-dotnet"), At(workflow.Steps("build")[1], "uses"));
    }

    [Fact]
    public void A_pinned_commit_without_its_version_is_an_error()
    {
        var error = Assert.Throws<KilnException>(() => GenerateAll(new UncommentedPinBuild()));

        Assert.Equal(
            $"[GitHubActions(\"ci\")].ActionVersions pins 'actions/checkout' to a commit without saying which version it is: add it as a comment, as 'actions/checkout@{PinnedSha} # v1.2.3'.",
            error.Message);
    }

    [Fact]
    public void Overriding_an_action_the_workflows_do_not_use_is_an_error()
    {
        var error = Assert.Throws<KilnException>(() => GenerateAll(new UnknownActionBuild()));

        Assert.StartsWith("[GitHubActions(\"ci\")].ActionVersions names 'actions/setup-node', which generated workflows do not use; they use ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_action_is_pinned_to_a_commit_with_its_version_beside_it_by_default()
    {
        foreach (var (_, text) in GenerateAll(new PipelineBuild()).Concat(GenerateAll(new AddedStepBuild())))
        {
            var uses = text.Split('\n').Where(line => line.TrimStart().StartsWith("uses:", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(uses);
            Assert.All(uses, line => Assert.Matches(@"^\s*uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$", line));
        }
    }

    [Fact]
    public void A_step_added_to_a_targets_job_runs_right_after_the_target_with_its_inputs_and_condition()
    {
        var workflow = Of(new AddedStepBuild(), "scan");
        var steps = workflow.Steps("scan").Select(step => Scalar(step["name"])).ToList();
        var upload = workflow.Step("scan", "Upload SARIF")!;

        Assert.Equal(["Check out", "Set up .NET", "Scan", "Upload SARIF", "List", "Notify", "Upload Scan artifacts"], steps);
        Assert.Matches(PinnedUses("github/codeql-action/upload-sarif"), At(upload, "uses"));
        Assert.Equal("artifacts/scan/kiln.sarif", At(upload, "with", "sarif_file"));
        Assert.Equal("https://example.org/a:b", At(upload, "with", "ref"));
        Assert.Equal("${{ !cancelled() }}", At(upload, "if"));
        Assert.Null(Of(new AddedStepBuild()).Step("scan", "Upload SARIF"));
    }

    [Fact]
    public void A_steps_permissions_reach_its_job_alone_which_then_restores_no_package_cache()
    {
        var scan = Of(new AddedStepBuild(), "scan");
        var ci = Of(new AddedStepBuild());

        Assert.Equal("write", At(scan.Job("scan"), "permissions", "security-events"));
        Assert.Equal("read", At(scan.Job("scan"), "permissions", "actions"));
        Assert.DoesNotContain(scan.Steps("scan"), step => Uses(step, "actions/cache"));
        Assert.Equal(["contents"], ((YamlMappingNode)ci.Job("scan")["permissions"]).Children.Keys.Select(Scalar));
        Assert.Contains(ci.Steps("scan"), step => Uses(step, "actions/cache"));
    }

    [Fact]
    public void A_step_can_run_a_bash_command_and_use_an_action_pinned_by_the_build()
    {
        var workflow = Of(new AddedStepBuild(), "scan");

        Assert.Equal("ls artifacts/scan", At(workflow.Step("scan", "List")!, "run"));
        Assert.Equal("bash", At(workflow.Step("scan", "List")!, "shell"));
        Assert.Equal($"example/notify@{PinnedSha}", At(workflow.Step("scan", "Notify")!, "uses"));
        Assert.Contains($"uses: example/notify@{PinnedSha} # v2.0.0\n", workflow.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(typeof(StepOfUnknownWorkflowBuild), "[GitHubActionsStep(\"release\", \"Scan\", \"Upload\")] names the workflow 'release', which no [GitHubActions] on StepOfUnknownWorkflowBuild declares: use one of ci.")]
    [InlineData(typeof(StepOfJoblessTargetBuild), "[GitHubActionsStep(\"ci\", \"Compile\", \"Upload\")] adds a step to the job of 'Compile', which [GitHubActions(\"ci\")] has no job for: add the target to InvokedTargets, or name one of Scan.")]
    [InlineData(typeof(UnpinnedStepBuild), "[GitHubActionsStep(\"ci\", \"Scan\", \"Notify\")] uses 'example/notify', which Kiln does not pin: pin a commit with its version, as Uses = \"example/notify@<40-hex sha> # v1.2.3\".")]
    [InlineData(typeof(UsesAndRunStepBuild), "[GitHubActionsStep(\"ci\", \"Scan\", \"Both\")] needs either Uses (an action) or Run (a bash command), not both.")]
    [InlineData(typeof(MalformedInputStepBuild), "[GitHubActionsStep(\"ci\", \"Scan\", \"Upload\")] has the input 'sarif_file=kiln.sarif': write it as 'key: value'.")]
    [InlineData(typeof(ShortRefBuild), "Target 'DeployTest' limits its job to the ref 'main': write a full ref, as 'refs/heads/main', with at most a trailing *, as 'refs/heads/release/*'.")]
    public void A_malformed_step_or_ref_is_an_error_naming_where_it_is_written(Type build, string message)
    {
        var error = Assert.Throws<KilnException>(() => GenerateAll((KilnBuild)Activator.CreateInstance(build, nonPublic: true)!));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_job_limited_to_refs_runs_only_for_pushes_of_those_refs()
    {
        var workflow = Of(new RefLimitedBuild());

        Assert.Equal("${{ github.ref == 'refs/heads/main' || startsWith(github.ref, 'refs/heads/release/') }}", At(workflow.Job("deploy-test"), "if"));
        Assert.Equal("${{ !cancelled() && github.ref == 'refs/heads/main' }}", At(workflow.Job("report"), "if"));
        Assert.False(workflow.Job("test").Children.ContainsKey("if"));
    }

    [Fact]
    public void An_environment_input_offers_the_repositorys_environments()
    {
        var workflow = Of(new EnvironmentInputBuild());
        var inputs = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)workflow.Root["on"])["workflow_dispatch"])["inputs"];

        Assert.Equal("environment", At(inputs, "target-environment", "type"));
        Assert.Equal("${{ inputs.target-environment }}", At(workflow.RunStep("deploy"), "env", "TARGET_ENVIRONMENT"));
    }

    [Fact]
    public void An_environment_input_that_is_not_a_dispatch_input_is_an_error()
    {
        var error = Assert.Throws<KilnException>(() => GenerateAll(new StrayEnvironmentInputBuild()));

        Assert.Equal("[GitHubActions(\"ci\")].EnvironmentInputs names 'TargetEnvironment', which is not in WorkflowDispatchInputs: add it there too.", error.Message);
    }

    [Fact]
    public void A_job_whose_environment_is_a_dispatch_input_runs_in_the_environment_the_run_chose_alone()
    {
        var workflow = Of(new ChosenEnvironmentBuild());

        Assert.Equal("${{ inputs.target-environment }}", At(workflow.Job("roll-back"), "environment", "name"));
        Assert.Equal("deploy-${{ inputs.target-environment }}", At(workflow.Job("roll-back"), "concurrency", "group"));
    }

    [Fact]
    public void A_job_environment_from_an_input_the_workflow_does_not_declare_is_an_error()
    {
        var error = Assert.Throws<KilnException>(() => GenerateAll(new UndeclaredEnvironmentBuild()));

        Assert.Equal(
            "Target 'RollBack' runs in the environment of the input 'target-environment', which [GitHubActions(\"ci\")] does not declare: add the parameter to WorkflowDispatchInputs and EnvironmentInputs.",
            error.Message);
    }

    [Fact]
    public void Generation_is_byte_identical_and_starts_with_a_header()
    {
        var first = GenerateAll(new DeployBuild());
        var second = GenerateAll(new DeployBuild());

        Assert.Equal(first, second);
        Assert.StartsWith("# Generated by Kiln from [GitHubActions(\"ci\")] on DeployBuild; do not edit by hand.\n# Regenerate with: ./build.sh --generate-workflows\n", first[0].Text, StringComparison.Ordinal);
        Assert.False(first[0].Text.EndsWith("...\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Generator_writes_one_file_per_attribute_sorted_by_name()
    {
        Assert.Equal([".github/workflows/ci.yml", ".github/workflows/release.yml"], GenerateAll(new DeployBuild()).Select(workflow => workflow.Path));
    }

    [Fact]
    public void An_unknown_invoked_target_is_an_error_naming_the_attribute()
    {
        var error = Assert.Throws<KilnException>(() => GenerateAll(new UnknownTargetBuild()));

        Assert.Equal("[GitHubActions(\"ci\")].InvokedTargets names 'Complie', which is not a target. Did you mean Compile?", error.Message);
    }

    [Fact]
    public void Consuming_a_target_that_is_not_upstream_is_an_error()
    {
        var error = Assert.Throws<KilnException>(() => GenerateAll(new StrayConsumerBuild()));

        Assert.Equal("Target 'Publish' consumes the artifacts of 'Pack', which is not upstream of it: add DependsOn(Pack) or remove the Consumes.", error.Message);
    }

    [Fact]
    public void A_deploying_target_inside_another_job_is_an_error()
    {
        var error = Assert.Throws<KilnException>(() => GenerateAll(new HiddenDeployBuild()));

        Assert.StartsWith("Target 'Deploy' deploys to the environment 'production' but would run inside the job 'verify'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_bound_to_a_parameter_not_marked_secret_is_an_error()
    {
        var error = Assert.Throws<KilnException>(() => GenerateAll(new PlainSecretBuild()));

        Assert.Equal("[GitHubActions(\"ci\")].ImportSecrets binds 'Token', which is not marked [Secret]: mark it [Secret] so its value is masked, or use ImportVariables.", error.Message);
    }

    [Fact]
    public void Two_workflows_with_one_name_are_an_error()
    {
        var error = Assert.Throws<KilnException>(() => GenerateAll(new TwinWorkflowsBuild()));

        Assert.Equal("Two [GitHubActions(\"ci\")] attributes on TwinWorkflowsBuild would write the same file: give each workflow its own name.", error.Message);
    }

    [Fact]
    public void A_workflow_without_triggers_is_an_error()
    {
        var error = Assert.Throws<KilnException>(() => GenerateAll(new NoTriggerBuild()));

        Assert.Equal("[GitHubActions(\"ci\")] has no triggers: set On, as On = [GitHubActionsTrigger.Push].", error.Message);
    }

    [Fact]
    public void A_malformed_permission_is_an_error_naming_the_target()
    {
        var error = Assert.Throws<KilnException>(() => GenerateAll(new BadPermissionBuild()));

        Assert.StartsWith("Target 'Deploy' asks for the permission 'id_token: write'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "artifacts/packages/*.nupkg" }, "artifacts/packages")]
    [InlineData(new[] { "artifacts/test-results/a.trx" }, "artifacts/test-results")]
    [InlineData(new[] { "artifacts/a/**", "artifacts/b/*.txt" }, "artifacts")]
    [InlineData(new[] { "**/bin/**" }, ".")]
    public void Artifacts_are_downloaded_to_the_common_folder_of_their_patterns(string[] patterns, string expected)
    {
        Assert.Equal(expected, ArtifactStepWriter.ArtifactRoot(patterns));
    }

    [Fact]
    public void A_left_out_invoked_target_gets_no_job_and_the_jobs_after_it_no_need_of_it()
    {
        var workflow = Of(new LeftOutTierBuild());

        Assert.Equal(["compile", "unit-test", "test"], workflow.JobIds);
        Assert.Equal(["unit-test"], workflow.Needs("test"));
    }

    [GitHubActions("ci", On = [GitHubActionsTrigger.Push], DefaultBranch = "trunk", InvokedTargets = [nameof(Compile)])]
    private sealed class TrunkBuild : KilnBuild
    {
        public Target Compile => _ => _;
    }

    [GitHubActions("ci", On = [GitHubActionsTrigger.Push, GitHubActionsTrigger.PullRequest], OnPullRequestBranches = ["main"],
        InvokedTargets = ["Compile", "UnitTest", "IntegrationTest", "Pack"], CrossPlatformTargets = ["UnitTest"], TimeoutMinutes = 45)]
    private sealed class PipelineBuild : KilnBuild
    {
        [GitHubActionsJob(PreparesRunner = true)]
        public Target Restore => _ => _;

        [GitHubActionsJob(PreparesRunner = true)]
        public Target Compile => _ => _.DependsOn(Restore);

        public Target UnitTest => _ => _.DependsOn(Compile).Produces("artifacts/test-results/unit.trx");

        public Target IntegrationTest => _ => _.DependsOn(Compile);

        public Target Pack => _ => _.DependsOn(UnitTest, IntegrationTest);
    }

    [GitHubActions("ci", On = [GitHubActionsTrigger.Push], InvokedTargets = ["Compile", "UnitTest", "IntegrationTest", "Test"])]
    private sealed class LeftOutTierBuild : KilnBuild
    {
        [GitHubActionsJob(PreparesRunner = true)]
        public Target Compile => _ => _;

        public Target UnitTest => _ => _.DependsOn(Compile);

        public Target IntegrationTest => _ => _.DependsOn(Compile).LeftOut("no integration test projects.");

        public Target Test => _ => _.DependsOn(UnitTest, IntegrationTest);
    }

    [GitHubActions("ci", On = [GitHubActionsTrigger.Push], InvokedTargets = ["Compile", "UnitTest"], CrossPlatformTargets = ["UnitTest"])]
    private sealed class LeafBuild : KilnBuild
    {
        [GitHubActionsJob(PreparesRunner = true)]
        public Target Compile => _ => _;

        public Target UnitTest => _ => _.DependsOn(Compile).Produces("artifacts/test-results/unit.trx");
    }

    [GitHubActions("ci", On = [GitHubActionsTrigger.Push], InvokedTargets = ["Pack", "Publish"])]
    private sealed class ArtifactBuild : KilnBuild
    {
        [GitHubActionsJob(PreparesRunner = true)]
        public Target Restore => _ => _;

        [GitHubActionsJob(PreparesRunner = true)]
        public Target Compile => _ => _.DependsOn(Restore);

        public Target Pack => _ => _.DependsOn(Compile).Produces("artifacts/packages/*.nupkg", "artifacts/packages/*.snupkg");

        public Target Publish => _ => _.DependsOn(Pack).Consumes(Pack);
    }

    [GitHubActions("ci", On = [GitHubActionsTrigger.Push], InvokedTargets = ["Compile", "UnitTest", "Report"])]
    private sealed class AssuredReportBuild : KilnBuild
    {
        public Target Compile => _ => _;

        public Target UnitTest => _ => _.DependsOn(Compile).Produces("artifacts/test-results/unit.trx");

        public Target Report => _ => _.DependsOn(UnitTest).Consumes(UnitTest).AssuredAfterFailure();
    }

    [GitHubActions("ci", On = [GitHubActionsTrigger.Push], InvokedTargets = ["Compile", "UnitTest", "Report"], CrossPlatformTargets = ["UnitTest"])]
    private sealed class CrossPlatformReportBuild : KilnBuild
    {
        public Target Compile => _ => _;

        public Target UnitTest => _ => _.DependsOn(Compile).Produces("artifacts/test-results/unit.trx");

        public Target Report => _ => _.DependsOn(UnitTest).Consumes(UnitTest);
    }

    [GitHubActions("ci", On = [GitHubActionsTrigger.Push], InvokedTargets = ["UnitTest", "Report"])]
    private sealed class PartitionedReportBuild : KilnBuild
    {
        public Target UnitTest => _ => _.Partition(2).Produces("artifacts/test-results/unit.trx");

        public Target Report => _ => _.DependsOn(UnitTest).Consumes(UnitTest);
    }

    [GitHubActions("ci", On = [GitHubActionsTrigger.Push], InvokedTargets = ["Test"])]
    private sealed class PartitionBuild : KilnBuild
    {
        public Target Test => _ => _.Partition(3);
    }

    [GitHubActions("ci", On = [GitHubActionsTrigger.Push], InvokedTargets = ["Test", "Pack", "Publish"], ImportSecrets = ["NuGetApiKey"], ImportVariables = ["NuGetSource"])]
    private sealed class ConditionalSecretBuild : KilnBuild
    {
        [Parameter("Where to publish.")]
        public string NuGetSource { get; set; } = "artifacts/feed";

        [Parameter("The feed's key.")]
        [Secret]
        public string? NuGetApiKey { get; set; }

        public Target Test => _ => _.Produces("artifacts/coverage/**");

        public Target Pack => _ => _.DependsOn(Test).Produces("artifacts/packages/*.nupkg");

        public Target Publish => _ => _
            .DependsOn(Pack)
            .Consumes(Pack)
            .Requires(() => !NuGetSource.StartsWith("https:", StringComparison.Ordinal) || NuGetApiKey != null, "An https source needs --nuget-api-key.");
    }

    [GitHubActions("ci", On = [GitHubActionsTrigger.PullRequest], InvokedTargets = ["Publish"])]
    [GitHubActions(
        "release",
        On = [GitHubActionsTrigger.Push, GitHubActionsTrigger.WorkflowDispatch, GitHubActionsTrigger.Schedule, GitHubActionsTrigger.Release],
        OnPushTags = ["v*"],
        OnPushPathsIgnore = ["docs/**"],
        OnCronSchedule = ["0 3 * * *", "0 12 * * 1"],
        OnReleaseTypes = ["published"],
        WorkflowDispatchInputs = ["Configuration", "DryRun", "ReleaseNotes"],
        InvokedTargets = ["Publish", "DeployStaging", "DeployProduction"],
        ImportSecrets = ["NuGetApiKey"],
        ImportVariables = ["StorageAccount"],
        ActionVersions = ["actions/checkout@v5"])]
    private sealed class DeployBuild : KilnBuild
    {
        [Parameter("The configuration.")]
        public Configuration Configuration { get; set; }

        [Parameter("Only shows what would happen.")]
        public bool DryRun { get; set; }

        [Parameter("Notes for the release.")]
        public string? ReleaseNotes { get; set; }

        [Parameter("The feed's key.")]
        [Secret]
        public string? NuGetApiKey { get; set; }

        [Parameter("The storage account.")]
        public string? StorageAccount { get; set; }

        public Target Publish => _ => _.Requires(() => NuGetApiKey);

        public Target DeployStaging => _ => _.DependsOn(Publish).Requires(() => StorageAccount);

        [GitHubActionsJob(Environment = "production", EnvironmentUrl = "https://example.org", Permissions = ["id-token: write"])]
        public Target DeployProduction => _ => _.DependsOn(DeployStaging);
    }

    private static string PinnedUses(string action) => "^" + System.Text.RegularExpressions.Regex.Escape(action) + "@[0-9a-f]{40}$";

    [GitHubActions("ci", On = [GitHubActionsTrigger.Push], InvokedTargets = ["Scan"])]
    [GitHubActions("scan", On = [GitHubActionsTrigger.Schedule], OnCronSchedule = ["0 4 * * 1"], InvokedTargets = ["Scan"])]
    [GitHubActionsStep("scan", "Scan", "Upload SARIF", Uses = "github/codeql-action/upload-sarif", If = "${{ !cancelled() }}",
        With = ["sarif_file: artifacts/scan/kiln.sarif", "ref: https://example.org/a:b"], Permissions = ["security-events: write", "actions: read"])]
    [GitHubActionsStep("scan", "Scan", "List", Run = "ls artifacts/scan")]
    [GitHubActionsStep("scan", "Scan", "Notify", Uses = "example/notify@" + PinnedSha + " # v2.0.0")]
    private sealed class AddedStepBuild : KilnBuild
    {
        public Target Scan => _ => _.Produces("artifacts/scan/*.sarif");
    }

    [GitHubActions("ci", On = [GitHubActionsTrigger.Push], InvokedTargets = ["Scan"])]
    [GitHubActionsStep("release", "Scan", "Upload", Run = "true")]
    private sealed class StepOfUnknownWorkflowBuild : KilnBuild
    {
        public Target Scan => _ => _;
    }

    [GitHubActions("ci", On = [GitHubActionsTrigger.Push], InvokedTargets = ["Scan"])]
    [GitHubActionsStep("ci", "Compile", "Upload", Run = "true")]
    private sealed class StepOfJoblessTargetBuild : KilnBuild
    {
        public Target Compile => _ => _;

        public Target Scan => _ => _.DependsOn(Compile);
    }

    [GitHubActions("ci", On = [GitHubActionsTrigger.Push], InvokedTargets = ["Scan"])]
    [GitHubActionsStep("ci", "Scan", "Notify", Uses = "example/notify")]
    private sealed class UnpinnedStepBuild : KilnBuild
    {
        public Target Scan => _ => _;
    }

    [GitHubActions("ci", On = [GitHubActionsTrigger.Push], InvokedTargets = ["Scan"])]
    [GitHubActionsStep("ci", "Scan", "Both", Uses = "github/codeql-action/upload-sarif", Run = "true")]
    private sealed class UsesAndRunStepBuild : KilnBuild
    {
        public Target Scan => _ => _;
    }

    [GitHubActions("ci", On = [GitHubActionsTrigger.Push], InvokedTargets = ["Scan"])]
    [GitHubActionsStep("ci", "Scan", "Upload", Uses = "github/codeql-action/upload-sarif", With = ["sarif_file=kiln.sarif"])]
    private sealed class MalformedInputStepBuild : KilnBuild
    {
        public Target Scan => _ => _;
    }

    [GitHubActions("ci", On = [GitHubActionsTrigger.Push], InvokedTargets = ["DeployTest"])]
    private sealed class ShortRefBuild : KilnBuild
    {
        [GitHubActionsJob(OnlyOnRefs = ["main"])]
        public Target DeployTest => _ => _;
    }

    [GitHubActions("ci", On = [GitHubActionsTrigger.Push, GitHubActionsTrigger.PullRequest], InvokedTargets = ["Test", "DeployTest", "Report"])]
    private sealed class RefLimitedBuild : KilnBuild
    {
        public Target Test => _ => _;

        [GitHubActionsJob(Environment = "test", OnlyOnRefs = ["refs/heads/main", "refs/heads/release/*"])]
        public Target DeployTest => _ => _.DependsOn(Test);

        [GitHubActionsJob(OnlyOnRefs = ["refs/heads/main"])]
        public Target Report => _ => _.DependsOn(Test).AssuredAfterFailure();
    }

    private static bool Uses(YamlMappingNode step, string action) =>
        step.Children.TryGetValue("uses", out var uses) && Scalar(uses).StartsWith(action + "@", StringComparison.Ordinal);

    [GitHubActions("ci", On = [GitHubActionsTrigger.Push], InvokedTargets = ["Release"])]
    private sealed class WritingBuild : KilnBuild
    {
        [GitHubActionsJob(Permissions = ["contents: write"])]
        public Target Release => _ => _;
    }

    [GitHubActions("ci", On = [GitHubActionsTrigger.Push], InvokedTargets = ["Complie"])]
    private sealed class UnknownTargetBuild : KilnBuild
    {
        public Target Compile => _ => _;
    }

    [GitHubActions("ci", On = [GitHubActionsTrigger.Push], InvokedTargets = ["Publish"])]
    private sealed class StrayConsumerBuild : KilnBuild
    {
        public Target Pack => _ => _.Produces("artifacts/*.nupkg");

        public Target Publish => _ => _.Consumes(Pack);
    }

    [GitHubActions("ci", On = [GitHubActionsTrigger.Push], InvokedTargets = ["Verify"])]
    private sealed class HiddenDeployBuild : KilnBuild
    {
        [GitHubActionsJob(Environment = "production")]
        public Target Deploy => _ => _;

        public Target Verify => _ => _.DependsOn(Deploy);
    }

    [GitHubActions("ci", On = [GitHubActionsTrigger.Push], InvokedTargets = ["Publish"], ImportSecrets = ["Token"])]
    private sealed class PlainSecretBuild : KilnBuild
    {
        [Parameter]
        public string? Token { get; set; }

        public Target Publish => _ => _.Requires(() => Token);
    }

    [GitHubActions("ci", On = [GitHubActionsTrigger.Push], InvokedTargets = ["Build"])]
    [GitHubActions("CI", On = [GitHubActionsTrigger.PullRequest], InvokedTargets = ["Build"])]
    private sealed class TwinWorkflowsBuild : KilnBuild
    {
        public Target Build => _ => _;
    }

    private const string PinnedSha = "1af3b93b6815bc44a9784bd300feb67ff0d1eeb3";

    [GitHubActions("ci", On = [GitHubActionsTrigger.Push], InvokedTargets = ["Build"], ActionVersions = ["actions/checkout@" + PinnedSha + " # v6.0.1"])]
    private sealed class PinnedBuild : KilnBuild
    {
        public Target Build => _ => _;
    }

    [GitHubActions("ci", On = [GitHubActionsTrigger.Push], InvokedTargets = ["Build"], ActionVersions = ["actions/checkout@" + PinnedSha])]
    private sealed class UncommentedPinBuild : KilnBuild
    {
        public Target Build => _ => _;
    }

    [GitHubActions("ci", On = [GitHubActionsTrigger.Push], InvokedTargets = ["Build"], ActionVersions = ["actions/setup-node@v4"])]
    private sealed class UnknownActionBuild : KilnBuild
    {
        public Target Build => _ => _;
    }

    [GitHubActions("ci", On = [GitHubActionsTrigger.WorkflowDispatch], InvokedTargets = ["Deploy"], WorkflowDispatchInputs = ["TargetEnvironment"], EnvironmentInputs = ["TargetEnvironment"])]
    private sealed class EnvironmentInputBuild : KilnBuild
    {
        [Parameter("The environment to deploy to.")]
        public string? TargetEnvironment { get; set; }

        public Target Deploy => _ => _.Requires(() => TargetEnvironment);
    }

    [GitHubActions("ci", On = [GitHubActionsTrigger.WorkflowDispatch], InvokedTargets = ["RollBack"], WorkflowDispatchInputs = ["TargetEnvironment"], EnvironmentInputs = ["TargetEnvironment"])]
    private sealed class ChosenEnvironmentBuild : KilnBuild
    {
        [Parameter("The environment to roll back.")]
        public string? TargetEnvironment { get; set; }

        [GitHubActionsJob(Environment = "${{ inputs.target-environment }}")]
        public Target RollBack => _ => _.Requires(() => TargetEnvironment);
    }

    [GitHubActions("ci", On = [GitHubActionsTrigger.WorkflowDispatch], InvokedTargets = ["RollBack"])]
    private sealed class UndeclaredEnvironmentBuild : KilnBuild
    {
        [GitHubActionsJob(Environment = "${{ inputs.target-environment }}")]
        public Target RollBack => _ => _;
    }

    [GitHubActions("ci", On = [GitHubActionsTrigger.WorkflowDispatch], InvokedTargets = ["Deploy"], EnvironmentInputs = ["TargetEnvironment"])]
    private sealed class StrayEnvironmentInputBuild : KilnBuild
    {
        [Parameter("The environment to deploy to.")]
        public string? TargetEnvironment { get; set; }

        public Target Deploy => _ => _.Requires(() => TargetEnvironment);
    }

    [GitHubActions("ci", InvokedTargets = ["Build"])]
    private sealed class NoTriggerBuild : KilnBuild
    {
        public Target Build => _ => _;
    }

    [GitHubActions("ci", On = [GitHubActionsTrigger.Push], InvokedTargets = ["Deploy"])]
    private sealed class BadPermissionBuild : KilnBuild
    {
        [GitHubActionsJob(Permissions = ["id_token: write"])]
        public Target Deploy => _ => _;
    }
}
