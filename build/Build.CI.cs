using Kiln.Components;
using Kiln.GitHubActions;

/// <summary>The workflows CI runs, generated from the targets: ./build.sh --generate-workflows.</summary>
[GitHubActions(
    "ci",
    On = [GitHubActionsTrigger.Push, GitHubActionsTrigger.PullRequest],
    OnPushBranches = ["main", "develop", "release/**", "hotfix/**"],
    InvokedTargets = [nameof(Compile), nameof(UnitTest), nameof(IntegrationTest), nameof(SystemTest), nameof(Test), nameof(IScan.Scan), nameof(Pack)],
    CrossPlatformTargets = [nameof(UnitTest)],
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
    InvokedTargets = [nameof(UnitTest), nameof(IntegrationTest), nameof(SystemTest), nameof(Test), nameof(IScan.Scan), nameof(Pack), nameof(Publish), nameof(DeployStaging), nameof(DeployProduction)],
    ImportSecrets = [nameof(NuGetApiKey), nameof(GitHubToken), nameof(StorageConnectionString)],
    ImportVariables = [nameof(NuGetSource), nameof(NuGetStableOnly), nameof(StorageAccountUrl), nameof(AzureTenantId), nameof(AzureClientId)],
    TimeoutMinutes = 30)]
partial class Build;
