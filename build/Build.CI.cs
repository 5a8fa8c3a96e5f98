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
