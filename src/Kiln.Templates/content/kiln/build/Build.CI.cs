using Kiln.Components;
using Kiln.GitHubActions;

/// <summary>
/// The GitHub Actions workflows, generated from these attributes into .github/workflows: a local ./build.sh run writes
/// them when they changed (commit them), ./build.sh --generate-workflows regenerates them, and CI fails when the
/// committed ones differ. Each invoked target is a job; needs: follows the targets' dependencies. A test tier the build
/// leaves out (no projects) gets no job.
/// </summary>
[GitHubActions(
    "ci",
    On = [GitHubActionsTrigger.Push, GitHubActionsTrigger.PullRequest],
//#if (defaultBranchGiven)
    OnPushBranches = ["KILN_DEFAULT_BRANCH"],
//#else
    OnPushBranches = ["main", "master"],
//#endif
    DefaultBranch = "KILN_DEFAULT_BRANCH",
    InvokedTargets =
    [
        nameof(ICompile.Compile),
        nameof(IUnitTest.UnitTest),
        nameof(IIntegrationTest.IntegrationTest),
        nameof(ISystemTest.SystemTest),
        nameof(ITest.Test),
        nameof(IScan.Scan),
        nameof(IPack.Pack),
    ],
    TimeoutMinutes = 30)]
partial class Build;

/// <summary>
/// A v* tag releases: tests, scan and packages as in ci.yml, then Publish to NUGET_SOURCE (a repository variable; the
/// secret NUGET_API_KEY for an http(s) source) with a GitHub release of the tag.
//#if (deploy)
/// Then Deploy to staging, and to production behind the production environment's approvals.
//#endif
/// </summary>
[GitHubActions(
    "release",
    On = [GitHubActionsTrigger.Push],
    OnPushTags = ["v*"],
    DefaultBranch = "KILN_DEFAULT_BRANCH",
    InvokedTargets =
    [
        nameof(IUnitTest.UnitTest),
        nameof(IIntegrationTest.IntegrationTest),
        nameof(ISystemTest.SystemTest),
        nameof(ITest.Test),
        nameof(IScan.Scan),
        nameof(IPack.Pack),
        nameof(IPublish.Publish),
//#if (deploy)
        nameof(DeployStaging),
        nameof(DeployProduction),
//#endif
    ],
//#if (deploy)
    ImportSecrets = [nameof(IPublish.NuGetApiKey), nameof(IPublish.GitHubToken), nameof(IDeploy.StorageConnectionString)],
    ImportVariables = [nameof(IPublish.NuGetSource), nameof(IPublish.NuGetStableOnly), nameof(IDeploy.StorageAccountUrl), nameof(IDeploy.AzureTenantId), nameof(IDeploy.AzureClientId)],
//#else
    ImportSecrets = [nameof(IPublish.NuGetApiKey), nameof(IPublish.GitHubToken)],
    ImportVariables = [nameof(IPublish.NuGetSource), nameof(IPublish.NuGetStableOnly)],
//#endif
    TimeoutMinutes = 30)]
partial class Build;
//#if (deploy)

/// <summary>
/// Operations from GitHub (Actions → Run workflow): roll an environment back, or promote the release one environment
/// runs to another. Each job runs inside the chosen environment, so its reviewers, rules and identity apply.
/// </summary>
[GitHubActions(
    "rollback",
    On = [GitHubActionsTrigger.WorkflowDispatch],
    DefaultBranch = "KILN_DEFAULT_BRANCH",
    WorkflowDispatchInputs = ["Environment", nameof(IDeploy.ToVersion)],
    EnvironmentInputs = ["Environment"],
    InvokedTargets = [nameof(IDeploy.Rollback)],
    ImportSecrets = [nameof(IDeploy.StorageConnectionString)],
    ImportVariables = [nameof(IDeploy.StorageAccountUrl), nameof(IDeploy.AzureTenantId), nameof(IDeploy.AzureClientId)],
    TimeoutMinutes = 30)]
[GitHubActions(
    "promote",
    On = [GitHubActionsTrigger.WorkflowDispatch],
    DefaultBranch = "KILN_DEFAULT_BRANCH",
    WorkflowDispatchInputs = ["From", "To"],
    EnvironmentInputs = ["From", "To"],
    InvokedTargets = [nameof(IDeploy.Promote)],
    ImportSecrets = [nameof(IDeploy.StorageConnectionString)],
    ImportVariables = [nameof(IDeploy.StorageAccountUrl), nameof(IDeploy.AzureTenantId), nameof(IDeploy.AzureClientId)],
    TimeoutMinutes = 30)]
partial class Build;
//#endif
