using Kiln.Components;
using Kiln.GitHubActions;

/// <summary>The workflows CI runs, generated from the targets: ./build.sh --generate-workflows.</summary>
[GitHubActions(
    "ci",
    On = [GitHubActionsTrigger.Push, GitHubActionsTrigger.PullRequest],
    OnPushBranches = ["main", "develop", "release/**", "hotfix/**"],
    InvokedTargets = [nameof(ICompile.Compile), nameof(IUnitTest.UnitTest), nameof(IIntegrationTest.IntegrationTest), nameof(ISystemTest.SystemTest), nameof(ITest.Test), nameof(IScan.Scan), nameof(IPack.Pack)],
    CrossPlatformTargets = [nameof(IUnitTest.UnitTest)],
    TimeoutMinutes = 30)]
partial class Build;

/// <summary>
/// A v* tag releases: the tiers and Pack as in ci.yml, then Publish to the NuGet source and the GitHub release, and
/// Deploy to staging, then to production behind the production environment's approvals (docs/deploying.md).
/// </summary>
[GitHubActions(
    "release",
    On = [GitHubActionsTrigger.Push],
    OnPushTags = ["v*"],
    InvokedTargets = [nameof(IUnitTest.UnitTest), nameof(IIntegrationTest.IntegrationTest), nameof(ISystemTest.SystemTest), nameof(ITest.Test), nameof(IScan.Scan), nameof(IPack.Pack), nameof(IPublish.Publish), nameof(DeployStaging), nameof(DeployProduction)],
    ImportSecrets = [nameof(IPublish.NuGetApiKey), nameof(IPublish.GitHubToken), nameof(IDeploy.StorageConnectionString)],
    ImportVariables = [nameof(IPublish.NuGetSource), nameof(IPublish.NuGetStableOnly), nameof(IDeploy.StorageAccountUrl), nameof(IDeploy.AzureTenantId), nameof(IDeploy.AzureClientId)],
    TimeoutMinutes = 30)]
partial class Build;

/// <summary>
/// Operations from GitHub (Actions → Run workflow): roll an environment back to the version before, or to a version.
/// The job runs inside the chosen environment, so its reviewers, its deployment rules and its identity apply.
/// </summary>
[GitHubActions(
    "rollback",
    On = [GitHubActionsTrigger.WorkflowDispatch],
    WorkflowDispatchInputs = ["Environment", nameof(IDeploy.ToVersion)],
    EnvironmentInputs = ["Environment"],
    InvokedTargets = [nameof(IDeploy.Rollback)],
    ImportSecrets = [nameof(IDeploy.StorageConnectionString)],
    ImportVariables = [nameof(IDeploy.StorageAccountUrl), nameof(IDeploy.AzureTenantId), nameof(IDeploy.AzureClientId)],
    TimeoutMinutes = 30)]
partial class Build;

/// <summary>
/// Operations from GitHub: point one environment at the release another runs (staging's release to production, say),
/// without rebuilding. The job runs inside the environment it moves.
/// </summary>
[GitHubActions(
    "promote",
    On = [GitHubActionsTrigger.WorkflowDispatch],
    WorkflowDispatchInputs = ["From", "To"],
    EnvironmentInputs = ["From", "To"],
    InvokedTargets = [nameof(IDeploy.Promote)],
    ImportSecrets = [nameof(IDeploy.StorageConnectionString)],
    ImportVariables = [nameof(IDeploy.StorageAccountUrl), nameof(IDeploy.AzureTenantId), nameof(IDeploy.AzureClientId)],
    TimeoutMinutes = 30)]
partial class Build;
