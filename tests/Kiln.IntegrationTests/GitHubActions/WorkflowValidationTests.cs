using Kiln.GitHubActions;
using Kiln.Lifecycle;

namespace Kiln.IntegrationTests.GitHubActions;

public sealed class WorkflowValidationTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("kiln-workflows-").FullName;

    public enum Configuration
    {
        Debug,
        Release,
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task This_repositorys_committed_workflows_pass_both_validators()
    {
        var workflows = Directory.GetFiles(Path.Combine(RepositoryRoot.Path, ".github", "workflows"), "*.yml");
        Assert.NotEmpty(workflows);

        foreach (var workflow in workflows)
        {
            var (schema, lint) = await WorkflowValidators.ValidateAsync(workflow);
            Assert.True(schema.ExitCode == 0, $"action-validator rejected {workflow}: {schema.Output}");
            Assert.True(lint.ExitCode == 0, $"actionlint rejected {workflow}: {lint.Output}");
        }
    }

    [Fact]
    public async Task A_workflow_using_every_feature_passes_both_validators()
    {
        foreach (var (path, text) in Generate(new EveryFeatureBuild()))
        {
            var file = Write(Path.GetFileName(path), text);
            var (schema, lint) = await WorkflowValidators.ValidateAsync(file);
            Assert.True(schema.ExitCode == 0, $"action-validator rejected {path}: {schema.Output}\n{text}");
            Assert.True(lint.ExitCode == 0, $"actionlint rejected {path}: {lint.Output}\n{text}");
        }
    }

    [Fact]
    public async Task A_workflow_with_an_unknown_key_fails_validation()
    {
        var file = Write("bad-key.yml", ReleaseWorkflow().Replace("timeout-minutes:", "timeout-minutez:", StringComparison.Ordinal));

        var (schema, lint) = await WorkflowValidators.ValidateAsync(file);

        Assert.NotEqual(0, schema.ExitCode);
        Assert.Contains("timeout-minutez", lint.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_workflow_that_needs_a_missing_job_fails_validation()
    {
        var file = Write("bad-needs.yml", ReleaseWorkflow().Replace("- deploy-staging", "- deploy-stagin", StringComparison.Ordinal));

        var (schema, lint) = await WorkflowValidators.ValidateAsync(file);

        Assert.NotEqual(0, schema.ExitCode);
        Assert.Contains("deploy-stagin", lint.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_workflow_with_a_bad_expression_fails_validation()
    {
        // The schema check passes this one; actionlint is the validator that catches it.
        var file = Write("bad-expression.yml", ReleaseWorkflow().Replace("github.ref !=", "github.reff !=", StringComparison.Ordinal));

        var (_, lint) = await WorkflowValidators.ValidateAsync(file);

        Assert.NotEqual(0, lint.ExitCode);
        Assert.Contains("reff", lint.Output, StringComparison.Ordinal);
    }

    private static IReadOnlyList<(string Path, string Text)> Generate(KilnBuild build) =>
        WorkflowGenerator.Generate(BuildModel.Create(build, AbsolutePath.Create(Path.GetTempPath())));

    private static string ReleaseWorkflow()
    {
        var text = Generate(new EveryFeatureBuild()).Single(workflow => workflow.Path.EndsWith("release.yml", StringComparison.Ordinal)).Text;
        Assert.Contains("- deploy-staging", text, StringComparison.Ordinal);
        return text;
    }

    private string Write(string name, string text)
    {
        var file = Path.Combine(folder, name);
        File.WriteAllText(file, text);
        return file;
    }

    [GitHubActions("ci", On = [GitHubActionsTrigger.Push, GitHubActionsTrigger.PullRequest], OnPushBranches = ["main"], OnPullRequestPathsIgnore = ["docs/**"],
        InvokedTargets = ["Compile", "UnitTest", "Test", "Pack"], CrossPlatformTargets = ["UnitTest"])]
    [GitHubActions(
        "release",
        On = [GitHubActionsTrigger.Push, GitHubActionsTrigger.WorkflowDispatch, GitHubActionsTrigger.Schedule, GitHubActionsTrigger.Release],
        OnPushTags = ["v*"],
        OnCronSchedule = ["0 3 * * *", "30 12 * * 1"],
        OnReleaseTypes = ["published"],
        WorkflowDispatchInputs = ["Configuration", "DryRun", "ReleaseNotes", "ReviewEnvironment"],
        EnvironmentInputs = ["ReviewEnvironment"],
        InvokedTargets = ["Publish", "DeployStaging", "DeployProduction"],
        ImportSecrets = ["NuGetApiKey"],
        ImportVariables = ["StorageAccount"],
        ActionVersions = ["actions/checkout@1af3b93b6815bc44a9784bd300feb67ff0d1eeb3 # v6.0.1"])]
    [GitHubActionsStep("release", "Publish", "Attest build provenance", Uses = "actions/attest-build-provenance", With = ["subject-path: artifacts/packages/*.nupkg"],
        Permissions = ["id-token: write", "attestations: write"])]
    [GitHubActionsStep("ci", "Test", "Upload SARIF", Uses = "github/codeql-action/upload-sarif", If = "${{ !cancelled() }}",
        With = ["sarif_file: artifacts/scan/kiln.sarif", "category: kiln-scan"], Permissions = ["security-events: write", "actions: read"])]
    [GitHubActionsStep("ci", "Test", "List the results", Run = "ls -R artifacts/test-results")]
    private sealed class EveryFeatureBuild : KilnBuild
    {
        [Parameter("The configuration to build.")]
        public Configuration Configuration { get; set; }

        [Parameter("Shows what would happen without doing it.")]
        public bool DryRun { get; set; }

        [Parameter("Notes for the release.")]
        public string? ReleaseNotes { get; set; }

        [Parameter("The NuGet feed's API key.")]
        [Secret]
        public string? NuGetApiKey { get; set; }

        [Parameter("The storage account to deploy to.")]
        public string? StorageAccount { get; set; }

        [Parameter("The environment a reviewer deploys to.")]
        public string? ReviewEnvironment { get; set; }

        [GitHubActionsJob(PreparesRunner = true)]
        public Target Restore => _ => _;

        [GitHubActionsJob(PreparesRunner = true)]
        public Target Compile => _ => _.DependsOn(Restore);

        public Target UnitTest => _ => _.DependsOn(Compile).Produces("artifacts/test-results/unit.trx");

        public Target Test => _ => _.DependsOn(Compile).Partition(3).Produces("artifacts/test-results/*.trx");

        public Target Pack => _ => _.DependsOn(Compile).Produces("artifacts/packages/*.nupkg", "artifacts/packages/*.snupkg");

        [GitHubActionsJob(Permissions = ["contents: write"])]
        public Target Publish => _ => _.DependsOn(Pack).Consumes(Pack).Requires(() => NuGetApiKey);

        [GitHubActionsJob(Environment = "staging", Permissions = ["id-token: write"], OnlyOnRefs = ["refs/tags/v*", "refs/heads/main"])]
        public Target DeployStaging => _ => _.DependsOn(Publish).Requires(() => StorageAccount).Requires(() => ReviewEnvironment);

        [GitHubActionsJob(Environment = "production", EnvironmentUrl = "https://example.org", Permissions = ["id-token: write"], TimeoutMinutes = 15)]
        public Target DeployProduction => _ => _.DependsOn(DeployStaging).Requires(() => StorageAccount);
    }
}
