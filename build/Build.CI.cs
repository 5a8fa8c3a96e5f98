using Kiln.Components;
using Kiln.GitHubActions;

/// <summary>
/// The workflows CI runs, generated from the targets: ./build.sh --generate-workflows. A push to main also deploys to
/// the test environment (DeployTest's job runs for main alone). The deploy jobs here and below sign in with OIDC
/// (STORAGE_ACCOUNT_URL, AZURE_TENANT_ID, AZURE_CLIENT_ID): no storage connection string is imported into any of them.
/// </summary>
[GitHubActions(
    "ci",
    On = [GitHubActionsTrigger.Push, GitHubActionsTrigger.PullRequest],
    OnPushBranches = ["main", "develop", "release/**", "hotfix/**"],
    InvokedTargets = [nameof(ICompile.Compile), nameof(IUnitTest.UnitTest), nameof(IIntegrationTest.IntegrationTest), nameof(ISystemTest.SystemTest), nameof(ITest.Test), nameof(IScan.Scan), nameof(IPack.Pack), nameof(DeployTest)],
    CrossPlatformTargets = [nameof(IUnitTest.UnitTest)],
    ImportVariables = [nameof(IDeploy.StorageAccountUrl), nameof(IDeploy.AzureTenantId), nameof(IDeploy.AzureClientId)],
    TimeoutMinutes = 30)]
partial class Build;

/// <summary>
/// A v* tag releases: the tiers and Pack as in ci.yml, Pack's job attesting the packages' build provenance, then
/// Publish to the NuGet source and the GitHub release, and Deploy to staging, then to production behind the
/// production environment's approvals (docs/deploying.md).
/// </summary>
[GitHubActions(
    "release",
    On = [GitHubActionsTrigger.Push],
    OnPushTags = ["v*"],
    InvokedTargets = [nameof(IUnitTest.UnitTest), nameof(IIntegrationTest.IntegrationTest), nameof(ISystemTest.SystemTest), nameof(ITest.Test), nameof(IScan.Scan), nameof(IPack.Pack), nameof(IPublish.Publish), nameof(DeployStaging), nameof(DeployProduction)],
    ImportSecrets = [nameof(IPublish.NuGetApiKey), nameof(IPublish.GitHubToken)],
    ImportVariables = [nameof(IPublish.NuGetSource), nameof(IPublish.NuGetStableOnly), nameof(IDeploy.StorageAccountUrl), nameof(IDeploy.AzureTenantId), nameof(IDeploy.AzureClientId)],
    TimeoutMinutes = 30)]
[GitHubActionsStep(
    "release",
    nameof(IPack.Pack),
    "Attest build provenance",
    Uses = "actions/attest-build-provenance",
    With = ["subject-path: artifacts/packages/*.nupkg"],
    Permissions = ["id-token: write", "attestations: write"])]
partial class Build;

/// <summary>
/// Every Monday, and on demand: Scan of main, for advisories published since the last push, its SARIF log uploaded to
/// GitHub code scanning (Security → Code scanning) even when Scan fails on findings. Only this job may write security
/// events.
/// </summary>
[GitHubActions(
    "scan",
    On = [GitHubActionsTrigger.Schedule, GitHubActionsTrigger.WorkflowDispatch],
    OnCronSchedule = ["23 5 * * 1"],
    InvokedTargets = [nameof(IScan.Scan)],
    TimeoutMinutes = 30)]
[GitHubActionsStep(
    "scan",
    nameof(IScan.Scan),
    "Upload SARIF to code scanning",
    Uses = "github/codeql-action/upload-sarif",
    If = "${{ !cancelled() }}",
    With = ["sarif_file: artifacts/scan/kiln.sarif", "category: kiln-scan"],
    Permissions = ["security-events: write", "actions: read"])]
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
    ImportVariables = [nameof(IDeploy.StorageAccountUrl), nameof(IDeploy.AzureTenantId), nameof(IDeploy.AzureClientId)],
    TimeoutMinutes = 30)]
partial class Build;
