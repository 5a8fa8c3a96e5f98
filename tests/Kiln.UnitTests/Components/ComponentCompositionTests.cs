using Kiln.Azure.Releases;
using Kiln.Components;
using Kiln.Definition;
using Kiln.Planning;
using Kiln.Tooling;

namespace Kiln.UnitTests.Components;

/// <summary>Builds composed of the standard components: the targets and edges each brings, and builds that replace one member.</summary>
[Collection("Build runs")]
public sealed class ComponentCompositionTests : IDisposable
{
    private readonly TemporaryRoot root = new();

    public ComponentCompositionTests()
    {
        KilnBuild.RootDirectory = AbsolutePath.Create(root.Path);
        File.WriteAllText(Path.Combine(root.Path, "Sample.sln"), string.Empty);
        foreach (var project in new[] { "tests/Sample.UnitTests/Sample.UnitTests.csproj", "tests/Sample.IntegrationTests/Sample.IntegrationTests.csproj", "checks/Sample.Specs/Sample.Specs.csproj" })
        {
            AddProject(project);
        }
    }

    public void Dispose() => root.Dispose();

    [Fact]
    public void Pack_alone_plans_only_what_compiles_the_packages()
    {
        var plan = Planner.Plan(TargetGraph.Create(new StandardBuild()), ["Pack"], null);

        Assert.Equal(["Restore", "Version", "Compile", "Pack"], plan.Targets.Select(target => target.Name));
    }

    [Fact]
    public void A_build_with_its_own_version_source_plans_Pack_without_a_Version_target()
    {
        var graph = TargetGraph.Create(new FixedVersionBuild());

        Assert.Null(graph.Find("Version"));
        Assert.Equal(["Restore"], Dependencies(graph, "Compile"));
        Assert.Equal(["Restore", "Compile", "Pack"], Planner.Plan(graph, ["Pack"], null).Targets.Select(target => target.Name));
    }

    [Fact]
    public void Pack_runs_after_Test_and_Scan_when_they_run_too()
    {
        var plan = Planner.Plan(TargetGraph.Create(new StandardBuild()), ["Pack", "Test", "Scan"], null);

        Assert.Equal(["Restore", "Version", "Compile", "Scan", "UnitTest", "IntegrationTest", "Test", "Pack"], plan.Targets.Select(target => target.Name));
    }

    [Fact]
    public void Publish_keeps_every_gate_it_plans_the_tiers_Test_and_Scan_before_Pack()
    {
        var plan = Planner.Plan(TargetGraph.Create(new StandardBuild()), ["Publish"], null);

        Assert.Equal(["Restore", "Version", "Compile", "Scan", "UnitTest", "IntegrationTest", "Test", "Pack", "Publish"], plan.Targets.Select(target => target.Name));
    }

    [Fact]
    public void Each_component_brings_its_targets_and_dependencies()
    {
        var graph = TargetGraph.Create(new StandardBuild());

        Assert.Equal(["Restore", "Version"], Dependencies(graph, "Compile"));
        Assert.Equal(["Compile"], Dependencies(graph, "Scan"));
        Assert.Equal(["Compile"], Dependencies(graph, "UnitTest"));
        Assert.Equal(["UnitTest", "IntegrationTest"], Dependencies(graph, "Test"));
        Assert.Equal(["Compile"], Dependencies(graph, "Pack"));
        Assert.Equal(["UnitTest", "IntegrationTest", "Test", "Scan"], graph.Find("Pack")!.RunsAfter.Select(predecessor => predecessor.Name));
        Assert.Equal(["Pack", "Test", "Scan"], Dependencies(graph, "Publish"));
        Assert.Equal(["UnitTest", "IntegrationTest"], graph.Find("Test")!.Consumes.Select(consumed => consumed.Producer.Name));
        Assert.Equal(["Pack", "Test", "Scan"], graph.Find("Publish")!.Consumes.Select(consumed => consumed.Producer.Name));
    }

    [Fact]
    public void A_tier_produces_the_results_of_the_projects_its_pattern_selects()
    {
        var graph = TargetGraph.Create(new StandardBuild());

        var unitTest = graph.Find("UnitTest")!;
        Assert.Equal("Runs the unit tests (tests/Sample.UnitTests): no processes, no network.", unitTest.Description);
        Assert.Equal(
            ["artifacts/test-results/Sample.UnitTests.trx", "artifacts/coverage/raw/Sample.UnitTests.cobertura.xml", "artifacts/test-results/Sample.UnitTests/**/*.dmp"],
            unitTest.Definition.ProducedPatterns);
    }

    [Fact]
    public void A_build_that_overrides_the_unit_test_pattern_keeps_the_rest_of_the_component()
    {
        var build = new SpecsBuild();
        var graph = TargetGraph.Create(build);

        var unitTest = graph.Find("UnitTest")!;
        Assert.Equal("Runs the unit tests (checks/Sample.Specs): no processes, no network.", unitTest.Description);
        Assert.Contains("artifacts/test-results/Sample.Specs.trx", unitTest.Definition.ProducedPatterns);
        Assert.Equal(["Compile"], Dependencies(graph, "UnitTest"));
        Assert.Equal(((ITest)build).TestInputs, unitTest.Definition.InputPatterns);
        Assert.Equal(
            ["Restore", "Version", "Compile", "UnitTest", "Test", "Pack"],
            Planner.Plan(graph, ["Pack", "Test"], null).Targets.Select(target => target.Name));
    }

    [Fact]
    public void A_build_that_overrides_the_compile_settings_keeps_the_Compile_target()
    {
        var build = new TreatWarningsAsErrorsBuild();
        var graph = TargetGraph.Create(build);

        var settings = ((ICompile)build).CompileSettings(new() { Project = "Sample.sln" });
        Assert.Equal("true", settings.Properties["TreatWarningsAsErrors"]);
        Assert.Equal("Sample.sln", settings.Project);
        Assert.Equal("Compiles the solution, stamped with the version.", graph.Find("Compile")!.Description);
        Assert.Equal(["Restore", "Version"], Dependencies(graph, "Compile"));
    }

    [Fact]
    public void SystemTest_runs_after_IntegrationTest_without_depending_on_it()
    {
        AddProject("tests/Sample.SystemTests/Sample.SystemTests.csproj");
        var graph = TargetGraph.Create(new AllTiersBuild());

        Assert.Equal(["IntegrationTest"], graph.Find("SystemTest")!.RunsAfter.Select(predecessor => predecessor.Name));
        Assert.Equal(["Compile"], Dependencies(graph, "SystemTest"));
    }

    [Fact]
    public void SystemTest_without_an_integration_tier_has_no_ordering_edge()
    {
        AddProject("tests/Sample.SystemTests/Sample.SystemTests.csproj");
        var graph = TargetGraph.Create(new SystemTestOnlyBuild());

        Assert.Empty(graph.Find("SystemTest")!.RunsAfter);
    }

    [Fact]
    public void Pack_without_tests_or_scan_depends_on_Compile_alone()
    {
        var graph = TargetGraph.Create(new PackOnlyBuild());

        Assert.Equal(["Compile"], Dependencies(graph, "Pack"));
        Assert.Empty(graph.Find("Pack")!.RunsAfter);
        Assert.Null(graph.Find("Test"));
    }

    [Fact]
    public void Test_without_coverage_produces_nothing_and_its_tiers_leave_their_TRX_files_alone()
    {
        var graph = TargetGraph.Create(new NoCoverageBuild());

        Assert.Empty(graph.Find("Test")!.Definition.ProducedPatterns);
        Assert.Equal(["artifacts/test-results/Sample.UnitTests.trx"], graph.Find("UnitTest")!.Definition.OutputPatterns);
    }

    [Fact]
    public void Deploy_brings_Deploy_Promote_and_Rollback_and_a_build_adds_a_target_per_environment()
    {
        var graph = TargetGraph.Create(new DeployBuild());

        Assert.Equal(["Pack", "Test", "Scan"], Dependencies(graph, "Deploy"));
        Assert.Equal(["Pack", "Test", "Scan"], graph.Find("Deploy")!.Consumes.Select(consumed => consumed.Producer.Name));
        Assert.NotNull(graph.Find("Promote"));
        Assert.NotNull(graph.Find("Rollback"));
        Assert.Equal(["Pack", "Test", "Scan"], Dependencies(graph, "DeployStaging"));
        Assert.Equal(["Pack", "Test", "Scan"], graph.Find("DeployStaging")!.Consumes.Select(consumed => consumed.Producer.Name));
    }

    [Fact]
    public async Task Help_lists_the_parameters_the_components_declare()
    {
        var run = await root.RunAsync(new DeployBuild(), ["--help"]);

        foreach (var option in new[] { "--configuration", "--test-hang-timeout", "--coverage-threshold", "--scan-warn-only", "--environment", "--allow-local-production", "--storage-connection-string" })
        {
            Assert.Contains(run.Lines, line => line.TrimStart().Split(' ')[0] == option);
        }

        Assert.Contains(run.Lines, line => line.Contains("default: staging;", StringComparison.Ordinal));
        Assert.Contains(run.Lines, line => line.Contains("secret (masked in output); env: AZURE_STORAGE_CONNECTION_STRING", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_schema_lists_the_parameters_the_components_declare()
    {
        await root.RunAsync(new StandardBuild(), ["--help"]);

        var schema = root.ReadFile(".nuke/build.schema.json");
        Assert.Contains("\"Configuration\": {", schema, StringComparison.Ordinal);
        Assert.Contains("\"CoverageThreshold\": {", schema, StringComparison.Ordinal);
        Assert.Contains("\"NuGetSource\": {", schema, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_component_parameter_reaches_the_component_from_the_command_line()
    {
        var build = new StandardBuild();

        await root.RunAsync(build, ["--plan", "Pack", "--configuration", "Release", "--coverage-threshold", "95"]);

        Assert.Equal(Configuration.Release, ((IHazConfiguration)build).Configuration);
        Assert.Equal(95, ((IReportCoverage)build).CoverageThreshold);
    }

    [Fact]
    public async Task Invoking_a_tier_whose_patterns_select_no_project_fails_naming_them()
    {
        var run = await root.RunAsync(new NoProjectsBuild(), ["UnitTest", "--skip", "Restore", "Version", "Compile"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(
            "UnitTest is left out of this build: no test project matches specs/**/*.Specs.csproj: add one, or name this tier's projects in the build (string[] IUnitTest.UnitTestProjects => [\"...\"];).",
            run.Output,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("--plan")]
    public async Task Help_and_plan_warn_of_a_tier_whose_patterns_select_no_project(string option)
    {
        var run = await root.RunAsync(new AllTiersBuild(), [option, "Test"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(
            "SystemTest is left out of this build: no test project matches tests/ or test/ by convention (*.SystemTests, *.SystemTest, *.EndToEndTests, *.E2ETests, *.AcceptanceTests): add one",
            run.Output,
            StringComparison.Ordinal);
        Assert.DoesNotContain("UnitTest is left out", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_build_with_every_tier_has_only_the_tiers_whose_projects_the_conventions_find()
    {
        var graph = TargetGraph.Create(new AllTiersBuild());

        Assert.Equal(["UnitTest", "IntegrationTest"], graph.Find("Test")!.Dependencies.Select(dependency => dependency.Name));
        Assert.Null(graph.Find("SystemTest"));
    }

    [Theory]
    [InlineData("test/Library.Tests/Library.Tests.csproj")]
    [InlineData("tests/Library.UnitTest/Library.UnitTest.csproj")]
    [InlineData("test/Library.Specs/Library.Specs.csproj")]
    public void The_unit_tier_finds_a_project_named_by_convention_under_tests_or_test(string project)
    {
        using var library = new TemporaryRoot();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(library.Path, project))!);
        File.WriteAllText(Path.Combine(library.Path, project), "<Project />");
        KilnBuild.RootDirectory = AbsolutePath.Create(library.Path);

        var graph = TargetGraph.Create(new AllTiersBuild());

        Assert.Equal(["UnitTest"], graph.Find("Test")!.Dependencies.Select(dependency => dependency.Name));
        Assert.Equal($"Runs the unit tests ({Path.GetDirectoryName(project)}): no processes, no network.", graph.Find("UnitTest")!.Description);
        Assert.Equal(["IntegrationTest", "SystemTest"], graph.LeftOut.Select(target => target.Name));
    }

    [Fact]
    public void A_project_in_a_sample_repository_inside_a_test_project_is_no_test_project_of_the_repository()
    {
        var sample = Path.Combine(root.Path, "tests", "Sample.UnitTests", "Samples", "Other", "tests", "Other.Tests", "Other.Tests.csproj");
        Directory.CreateDirectory(Path.GetDirectoryName(sample)!);
        File.WriteAllText(sample, "<Project />");

        var graph = TargetGraph.Create(new StandardBuild());

        Assert.Equal("Runs the unit tests (tests/Sample.UnitTests): no processes, no network.", graph.Find("UnitTest")!.Description);
    }

    [Fact]
    public void The_solution_is_the_one_at_the_root()
    {
        Assert.Equal(Path.Combine(root.Path, "Sample.sln"), ((IHazSolution)new StandardBuild()).Solution);
    }

    [Fact]
    public void Two_solutions_at_the_root_need_the_build_to_name_one()
    {
        File.WriteAllText(Path.Combine(root.Path, "Other.sln"), string.Empty);

        var exception = Assert.Throws<KilnException>(() => ((IHazSolution)new StandardBuild()).Solution);

        Assert.Contains("holds 2 solutions (Other.sln, Sample.sln): name the one to build", exception.Message, StringComparison.Ordinal);
    }

    private void AddProject(string project)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(root.Path, project))!);
        File.WriteAllText(Path.Combine(root.Path, project), "<Project />");
    }

    private static IEnumerable<string> Dependencies(TargetGraph graph, string target) =>
        graph.Find(target)!.Dependencies.Select(dependency => dependency.Name);

    private sealed class StandardBuild : KilnBuild, IRestore, IHazGitVersion, ICompile, IUnitTest, IIntegrationTest, IReportCoverage, IScan, IPack, IPublish;

    private sealed class SpecsBuild : KilnBuild, ICompile, IHazGitVersion, IUnitTest, IReportCoverage, IPack
    {
        public string[] UnitTestProjects => ["checks/**/*.Specs.csproj"];
    }

    private sealed class TreatWarningsAsErrorsBuild : KilnBuild, IHazGitVersion, ICompile
    {
        public DotNetBuildSettings CompileSettings(DotNetBuildSettings settings) => settings with
        {
            Properties = new Dictionary<string, string>(settings.Properties) { ["TreatWarningsAsErrors"] = "true" },
        };
    }

    private sealed class FixedVersionBuild : KilnBuild, IPack
    {
        string IHazVersion.SemVer => "2.3.4";

        IReadOnlyDictionary<string, string> IHazVersion.VersionProperties => new Dictionary<string, string> { ["Version"] = "2.3.4" };
    }

    private sealed class PackOnlyBuild : KilnBuild, IHazGitVersion, IPack;

    private sealed class AllTiersBuild : KilnBuild, IHazGitVersion, IUnitTest, IIntegrationTest, ISystemTest;

    private sealed class SystemTestOnlyBuild : KilnBuild, IHazGitVersion, ISystemTest;

    private sealed class NoCoverageBuild : KilnBuild, IHazGitVersion, IUnitTest;

    private sealed class NoProjectsBuild : KilnBuild, IHazGitVersion, IUnitTest
    {
        public string[] UnitTestProjects => ["specs/**/*.Specs.csproj"];
    }

    private sealed class DeployBuild : KilnBuild, IHazGitVersion, IUnitTest, IReportCoverage, IScan, IDeploy
    {
        public IReadOnlyList<DeployEnvironment> DeployEnvironments { get; } =
        [
            new("staging", Container: "releases", PathPrefix: "", AllowedRefs: ["*"], GitHubEnvironment: "staging"),
        ];

        Target DeployStaging => _ => From<IDeploy>().DeploysTo(_, () => "staging");
    }
}
