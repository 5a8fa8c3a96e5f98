using Kiln.IntegrationTests;
using Kiln.SystemTests.Packages;

namespace Kiln.SystemTests.Templating;

/// <summary>
/// <c>dotnet new kiln</c> from this checkout's Kiln.Templates package, applied to .NET repositories without Kiln, and
/// their builds run as a newcomer runs them; see <see cref="TemplatedRepositories"/> for what runs.
/// </summary>
[Trait("Category", "Template")]
public sealed class TemplateTests(TemplatedRepositories repositories) : IClassFixture<TemplatedRepositories>
{
    private static readonly string[] AddedFiles =
    [
        "build.sh", "build.ps1", "build.cmd", "global.json", ".nuke/parameters.json", "build/_build.csproj", "build/Build.cs",
        "GitVersion.yml", ".config/dotnet-tools.json",
    ];

    private static readonly string[] Workflows = [".github/workflows/ci.yml", ".github/workflows/release.yml", ".github/workflows/scan.yml"];

    [Fact]
    public async Task Dotnet_new_kiln_adds_the_bootstrappers_the_build_its_parameters_the_versioning_and_the_tool_manifest()
    {
        var repository = await repositories.NewcomersAsync();

        foreach (var file in AddedFiles)
        {
            Assert.True(repository.Exists(file), $"dotnet new kiln did not add {file}.");
        }

        Assert.Contains("\"$schema\": \"./build.schema.json\"", repository.ReadFile(".nuke/parameters.json"), StringComparison.Ordinal);
        Assert.Contains($"Include=\"Kiln.Components\" Version=\"{(await KilnPackages.GetAsync()).Version}\"", repository.ReadFile("build/_build.csproj"), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.True(File.GetUnixFileMode(Path.Combine(repository.Root, "build.sh")).HasFlag(UnixFileMode.UserExecute), "build.sh is not executable.");
        }
    }

    [Fact]
    public async Task The_bootstrappers_the_SDK_pin_and_the_tool_manifest_are_this_repositorys_own()
    {
        var repository = await repositories.NewcomersAsync();

        foreach (var file in new[] { "build.sh", "build.ps1", "build.cmd", "global.json", ".config/dotnet-tools.json" })
        {
            Assert.Equal(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, file)), repository.ReadFile(file));
        }
    }

    [Fact]
    public async Task The_templated_build_runs_the_test_projects_each_tiers_pattern_selects_green_and_counts_their_tests()
    {
        var repository = await repositories.NewcomersAsync();
        var test = repository.Runs["Test"];

        test.AssertExitCode(0);
        Assert.Equal("2 passed, 0 failed, 0 skipped", test.Note("UnitTest"));
        Assert.Equal("1 passed, 0 failed, 0 skipped", test.Note("IntegrationTest"));
        Assert.Contains(test.Lines, line => line.StartsWith("tests: 3 passed, 0 failed, 0 skipped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_first_run_writes_the_workflows_and_the_parameters_schema()
    {
        var repository = await repositories.NewcomersAsync();

        foreach (var workflow in Workflows)
        {
            Assert.True(repository.Exists(workflow), $"The first run did not write {workflow}.");
            Assert.Contains(repository.Runs["Test"].Lines, line => line.Contains($"{workflow} created", StringComparison.Ordinal));
        }

        Assert.True(repository.Exists(".nuke/build.schema.json"), "The first run did not write .nuke/build.schema.json.");
    }

    [Fact]
    public async Task Generating_the_workflows_again_changes_nothing()
    {
        var repository = await repositories.NewcomersAsync();
        var generate = repository.Runs["--generate-workflows"];

        generate.AssertExitCode(0);
        Assert.Contains($"{Workflows.Length} workflow(s) generated, 0 changed.", generate.Output, StringComparison.Ordinal);
        Assert.True(repository.ChangedAfterRuns.Length == 0, $"The runs changed committed files:{Environment.NewLine}{repository.ChangedAfterRuns}");
    }

    [Fact]
    public async Task The_default_branch_option_sets_the_branch_ci_yml_runs_on_and_GitVersion_releases_from()
    {
        var repository = await repositories.NewcomersAsync();

        Assert.Contains("- trunk", repository.ReadFile(".github/workflows/ci.yml"), StringComparison.Ordinal);
        Assert.DoesNotContain("- main", repository.ReadFile(".github/workflows/ci.yml"), StringComparison.Ordinal);
        // Runs on the default branch are never cancelled by a newer push; elsewhere they are.
        Assert.Contains("cancel-in-progress: ${{ github.ref != 'refs/heads/trunk' }}", repository.ReadFile(".github/workflows/ci.yml"), StringComparison.Ordinal);
        Assert.DoesNotContain("refs/heads/main", repository.ReadFile(".github/workflows/ci.yml"), StringComparison.Ordinal);
        Assert.Contains("regex: ^trunk$", repository.ReadFile("GitVersion.yml"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_workflows_pin_every_action_attest_the_released_packages_and_scan_weekly_into_code_scanning()
    {
        var repository = await repositories.NewcomersAsync();
        var release = repository.ReadFile(".github/workflows/release.yml");
        var scan = repository.ReadFile(".github/workflows/scan.yml");

        foreach (var workflow in Workflows)
        {
            Assert.All(
                repository.ReadFile(workflow).Split('\n').Where(line => line.TrimStart().StartsWith("uses:", StringComparison.Ordinal)),
                line => Assert.Matches(@"uses: [\w./-]+@[0-9a-f]{40} # v\d", line));
        }

        Assert.Contains("uses: actions/attest-build-provenance@", release, StringComparison.Ordinal);
        Assert.Contains("attestations: write", release, StringComparison.Ordinal);
        Assert.Contains("- cron: 23 5 * * 1", scan, StringComparison.Ordinal);
        Assert.Contains("uses: github/codeql-action/upload-sarif@", scan, StringComparison.Ordinal);
        Assert.Contains("sarif_file: artifacts/scan/kiln.sarif", scan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_solution_option_names_the_solution_the_build_compiles()
    {
        var repository = await repositories.NewcomersAsync();

        Assert.Contains("RootDirectory / \"Product.sln\"", repository.ReadFile("build/Build.cs"), StringComparison.Ordinal);
        Assert.Equal("Succeeded", repository.Runs["Test"].Status("Compile"));
    }

    [Fact]
    public async Task An_empty_test_pattern_leaves_its_tier_out_of_the_build_and_the_workflows()
    {
        var repository = await repositories.NewcomersAsync();

        Assert.DoesNotContain("SystemTest", repository.Runs["Test"].SummaryTargets);
        Assert.DoesNotContain("system-test:", repository.ReadFile(".github/workflows/ci.yml"), StringComparison.Ordinal);
        Assert.Contains("unit-test:", repository.ReadFile(".github/workflows/ci.yml"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_deploy_the_build_has_no_deploy_targets_and_the_release_workflow_no_deploy_jobs()
    {
        var repository = await repositories.NewcomersAsync();

        Assert.False(repository.Exists("build/Build.Deploy.cs"), "build/Build.Deploy.cs was added though --deploy was not given.");
        Assert.DoesNotContain("Deploy", repository.ReadFile(".github/workflows/release.yml"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_deploy_the_build_compiles_with_the_deploy_targets_the_release_workflow_deploys_and_rollback_and_promote_run_in_their_environment()
    {
        var repository = await repositories.DeployingAsync();

        repository.Runs["--generate-workflows"].AssertExitCode(0);
        Assert.True(repository.Exists("build/Build.Deploy.cs"), "--deploy did not add build/Build.Deploy.cs.");
        Assert.True(repository.Exists("build/node/package-lock.json"), "--deploy did not add the npm packages of the local Azurite.");
        Assert.Contains("./build.sh DeployProduction", repository.ReadFile(".github/workflows/release.yml"), StringComparison.Ordinal);
        Assert.Contains("name: ${{ inputs.environment }}", repository.ReadFile(".github/workflows/rollback.yml"), StringComparison.Ordinal);
        Assert.Contains("name: ${{ inputs.to }}", repository.ReadFile(".github/workflows/promote.yml"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_deploy_a_push_to_the_default_branch_deploys_to_test_and_no_deploy_job_gets_a_connection_string()
    {
        var repository = await repositories.DeployingAsync();
        var ci = repository.ReadFile(".github/workflows/ci.yml");

        Assert.Contains("./build.sh DeployTest", ci, StringComparison.Ordinal);
        Assert.Contains("if: ${{ github.ref == 'refs/heads/main' }}", ci, StringComparison.Ordinal);
        Assert.Contains("group: deploy-test", ci, StringComparison.Ordinal);
        foreach (var workflow in new[] { "ci", "release", "rollback", "promote" })
        {
            Assert.DoesNotContain("AZURE_STORAGE_CONNECTION_STRING", repository.ReadFile($".github/workflows/{workflow}.yml"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Dotnet_new_kiln_refuses_to_overwrite_files_a_repository_has_unless_forced()
    {
        var repository = await repositories.NewcomersAsync();

        var (exitCode, output) = await repository.Hive.RunNewAsync(repository.Root, "kiln");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("--force", output, StringComparison.Ordinal);
        Assert.Equal(string.Empty, await ScratchGit.RunAsync(repository.Root, "status", "--porcelain", "--untracked-files=no"));
    }
}
