using System.Globalization;
using System.Xml;
using System.Xml.Linq;
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
        "build.sh", "build.ps1", "build.cmd", "global.json", ".nuke/parameters.json", "build/_build.csproj", "build/Build.cs", "build/Directory.Build.props",
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
    public async Task A_tier_without_projects_is_left_out_of_the_build_and_the_workflows()
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
        // No --default-branch: main or master, whichever the repository has.
        Assert.Contains("if: ${{ github.ref == 'refs/heads/main' || github.ref == 'refs/heads/master' }}", ci, StringComparison.Ordinal);
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

    [Fact]
    public async Task The_kiln_source_option_writes_build_nuget_config_and_the_build_restores_Kiln_from_that_source()
    {
        var repository = await repositories.NewcomersAsync();
        var kiln = await KilnPackages.GetAsync();

        Assert.Contains($"<add key=\"kiln\" value=\"{kiln.Feed}\" />", repository.ReadFile("build/nuget.config"), StringComparison.Ordinal);
        Assert.DoesNotContain(kiln.Feed, repository.ReadFile("nuget.config"), StringComparison.Ordinal);
        repository.Runs["Test"].AssertExitCode(0);
    }

    [Fact]
    public async Task With_no_options_a_library_with_LangVersion_11_and_analyzers_as_errors_gets_a_green_Test_of_its_one_test_project()
    {
        var repository = await repositories.LibraryAsync();
        var test = repository.Runs["Test"];

        test.AssertExitCode(0);
        Assert.Equal(["Restore", "Version", "Compile", "UnitTest", "Test"], test.SummaryTargets);
        Assert.Equal("4 passed, 0 failed, 0 skipped", test.Note("UnitTest"));
        Assert.Contains(test.Lines, line => line.StartsWith("tests: 4 passed, 0 failed, 0 skipped", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("--plan Test")]
    public async Task With_no_options_help_and_plan_warn_of_the_tiers_the_library_has_no_projects_for(string run)
    {
        var repository = await repositories.LibraryAsync();
        var output = repository.Runs[run];

        output.AssertExitCode(0);
        Assert.Contains("IntegrationTest is left out of this build: no test project matches tests/ or test/ by convention", output.Output, StringComparison.Ordinal);
        Assert.Contains("SystemTest is left out of this build: no test project matches tests/ or test/ by convention", output.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("UnitTest is left out", output.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_no_options_the_librarys_global_json_and_workflow_stay_and_ci_yml_has_jobs_for_its_tiers_alone()
    {
        var repository = await repositories.LibraryAsync();

        Assert.Equal(TemplatedRepositories.SampleFile("Library", "global.json"), repository.ReadFile("global.json"));
        Assert.Equal(TemplatedRepositories.SampleFile("Library", ".github/workflows/build.yml"), repository.ReadFile(".github/workflows/build.yml"));
        var ci = repository.ReadFile(".github/workflows/ci.yml");
        Assert.Contains("unit-test:", ci, StringComparison.Ordinal);
        Assert.DoesNotContain("integration-test:", ci, StringComparison.Ordinal);
        Assert.DoesNotContain("system-test:", ci, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_no_options_runs_on_the_repositorys_own_default_branch_are_never_cancelled()
    {
        var repository = await repositories.LibraryAsync();

        Assert.Contains(
            "cancel-in-progress: ${{ github.ref != format('refs/heads/{0}', github.event.repository.default_branch) }}",
            repository.ReadFile(".github/workflows/ci.yml"),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_no_options_a_repository_on_master_gets_release_versions_from_it()
    {
        var repository = await repositories.LibraryAsync();

        Assert.Contains("regex: ^(main|master)$", repository.ReadFile("GitVersion.yml"), StringComparison.Ordinal);
        Assert.DoesNotContain("master", repository.Runs["Test"].Note("Version"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_no_options_a_repository_on_Microsoft_Testing_Platform_gets_a_green_Test_of_its_two_Tests_projects()
    {
        var repository = await repositories.TestingPlatformAsync();
        var test = repository.Runs["Test"];

        test.AssertExitCode(0);
        Assert.Equal(["Restore", "Version", "Compile", "UnitTest", "Test"], test.SummaryTargets);
        Assert.Equal("5 passed, 0 failed, 0 skipped", test.Note("UnitTest"));
        Assert.Contains(test.Lines, line => line.StartsWith("tests: 5 passed, 0 failed, 0 skipped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_no_options_a_repository_on_Microsoft_Testing_Platform_gets_the_coverlet_coverage_of_both_Tests_projects_merged()
    {
        var repository = await repositories.TestingPlatformAsync();
        var test = repository.Runs["Test"];

        test.AssertExitCode(0);
        // Each project tests one of the library's two classes: only the merged report covers every line.
        Assert.InRange(LineRate(repository, "artifacts/coverage/raw/Gauge.Tests.cobertura.xml"), 0.01, 0.99);
        Assert.InRange(LineRate(repository, "artifacts/coverage/raw/Gauge.Parsing.Tests.cobertura.xml"), 0.01, 0.99);
        Assert.Equal(1.0, LineRate(repository, "artifacts/coverage/Cobertura.xml"));
        Assert.EndsWith("line coverage 100.0%", test.Note("Test"), StringComparison.Ordinal);
    }

    /// <summary>The line-rate of a Cobertura report's root; ReportGenerator's starts with a DOCTYPE, ignored here.</summary>
    private static double LineRate(TemplatedRepository repository, string path)
    {
        Assert.True(repository.Exists(path), $"Test left no {path}.{Environment.NewLine}{repository.Runs["Test"]}");
        using var reader = XmlReader.Create(Path.Combine(repository.Root, path), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
        var coverage = XDocument.Load(reader).Root!;
        return double.Parse((string?)coverage.Attribute("line-rate") ?? "missing", CultureInfo.InvariantCulture);
    }
}
