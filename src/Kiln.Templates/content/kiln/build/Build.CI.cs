using Kiln.Components;
using Kiln.GitHubActions;

/// <summary>
/// The GitHub Actions workflows, generated from these attributes into .github/workflows: a local ./build.sh run writes
/// them when they changed (commit them), ./build.sh --generate-workflows regenerates them, and CI fails when the
/// committed ones differ. Each invoked target is a job; needs: follows the targets' dependencies; every action is
/// pinned to a commit. A test tier the build leaves out (no projects) gets no job.
/// ci.yml checks what release.yml ships (see <see cref="TestScanPackWorkflowAttribute"/>), and Compile on its own first.
//#if (deploy)
/// A push to the default branch also deploys to the test environment. Every deploy job signs in with OIDC: no storage
/// connection string is imported (to use one instead, add nameof(IDeploy.StorageConnectionString) to ImportSecrets and
/// keep the secret on each environment, not on the repository).
//#endif
/// </summary>
[TestScanPackWorkflow(
    "ci",
    nameof(ICompile.Compile),
//#if (deploy)
    nameof(DeployTest),
//#endif
    On = [GitHubActionsTrigger.Push, GitHubActionsTrigger.PullRequest],
//#if (defaultBranchGiven)
    OnPushBranches = ["KILN_DEFAULT_BRANCH"],
//#else
    OnPushBranches = ["main", "master"],
//#endif
//#if (defaultBranchGiven)
    DefaultBranch = "KILN_DEFAULT_BRANCH",
//#endif
//#if (deploy)
    ImportVariables = [nameof(IDeploy.StorageAccountUrl), nameof(IDeploy.AzureTenantId), nameof(IDeploy.AzureClientId)],
//#endif
    TimeoutMinutes = 30)]
partial class Build;

/// <summary>
/// A v* tag releases: tests, scan and packages as in ci.yml (Pack's job attesting the packages' build provenance in a
/// public repository; a private one needs GitHub Enterprise Cloud, see the step's condition), then Publish to
/// NUGET_SOURCE (a variable; the secret NUGET_API_KEY, on the 'packages' environment, for an http(s) source) with a
/// GitHub release of the tag.
//#if (deploy)
/// Then Deploy to staging, and to production behind the production environment's approvals.
//#endif
/// </summary>
[TestScanPackWorkflow(
    "release",
    nameof(IPublish.Publish),
//#if (deploy)
    nameof(DeployStaging),
    nameof(DeployProduction),
//#endif
    On = [GitHubActionsTrigger.Push],
    OnPushTags = ["v*"],
//#if (defaultBranchGiven)
    DefaultBranch = "KILN_DEFAULT_BRANCH",
//#endif
//#if (deploy)
    ImportSecrets = [nameof(IPublish.NuGetApiKey), nameof(IPublish.GitHubToken)],
    ImportVariables = [nameof(IPublish.NuGetSource), nameof(IPublish.NuGetStableOnly), nameof(IDeploy.StorageAccountUrl), nameof(IDeploy.AzureTenantId), nameof(IDeploy.AzureClientId)],
//#else
    ImportSecrets = [nameof(IPublish.NuGetApiKey), nameof(IPublish.GitHubToken)],
    ImportVariables = [nameof(IPublish.NuGetSource), nameof(IPublish.NuGetStableOnly)],
//#endif
    TimeoutMinutes = 30)]
[GitHubActionsStep(
    "release",
    nameof(IPack.Pack),
    "Attest build provenance",
    Uses = "actions/attest-build-provenance",
    If = "${{ !github.event.repository.private }}", // private repositories need GitHub Enterprise Cloud: remove this line there
    With = ["subject-path: artifacts/packages/*.nupkg"],
    Permissions = ["id-token: write", "attestations: write"])]
partial class Build;

/// <summary>
/// Every Monday, and on demand: Scan of the default branch, for advisories published since the last push, its SARIF
/// log uploaded to GitHub code scanning even when Scan fails on findings (in a public repository; a private one needs
/// GitHub Advanced Security, see the step's condition). Only this job may write security events.
/// </summary>
[GitHubActions(
    "scan",
    On = [GitHubActionsTrigger.Schedule, GitHubActionsTrigger.WorkflowDispatch],
    OnCronSchedule = ["23 5 * * 1"],
//#if (defaultBranchGiven)
    DefaultBranch = "KILN_DEFAULT_BRANCH",
//#endif
    InvokedTargets = [nameof(IScan.Scan)],
    TimeoutMinutes = 30)]
[GitHubActionsStep(
    "scan",
    nameof(IScan.Scan),
    "Upload SARIF to code scanning",
    Uses = "github/codeql-action/upload-sarif",
    If = "${{ !cancelled() && !github.event.repository.private }}", // private repositories need GitHub Advanced Security: keep !cancelled() alone there
    With = ["sarif_file: artifacts/scan/kiln.sarif", "category: kiln-scan"],
    Permissions = ["security-events: write", "actions: read"])]
partial class Build;
//#if (deploy)

/// <summary>
/// Operations from GitHub (Actions → Run workflow): roll an environment back, or promote the release one environment
/// runs to another. Each job runs inside the chosen environment, so its reviewers, rules and identity apply.
/// </summary>
[GitHubActions(
    "rollback",
    On = [GitHubActionsTrigger.WorkflowDispatch],
//#if (defaultBranchGiven)
    DefaultBranch = "KILN_DEFAULT_BRANCH",
//#endif
    WorkflowDispatchInputs = ["Environment", nameof(IDeploy.ToVersion)],
    EnvironmentInputs = ["Environment"],
    InvokedTargets = [nameof(IDeploy.Rollback)],
    ImportVariables = [nameof(IDeploy.StorageAccountUrl), nameof(IDeploy.AzureTenantId), nameof(IDeploy.AzureClientId)],
    TimeoutMinutes = 30)]
[GitHubActions(
    "promote",
    On = [GitHubActionsTrigger.WorkflowDispatch],
//#if (defaultBranchGiven)
    DefaultBranch = "KILN_DEFAULT_BRANCH",
//#endif
    WorkflowDispatchInputs = ["From", "To"],
    EnvironmentInputs = ["From", "To"],
    InvokedTargets = [nameof(IDeploy.Promote)],
    ImportVariables = [nameof(IDeploy.StorageAccountUrl), nameof(IDeploy.AzureTenantId), nameof(IDeploy.AzureClientId)],
    TimeoutMinutes = 30)]
partial class Build;
//#endif

/// <summary>
/// A workflow that tests, scans and packs, as ci.yml and release.yml both do: a job for each test tier, Test, Scan and
/// Pack, and one for each of <c>moreTargets</c> (Compile before them, Publish or a deploy after them, as the targets'
/// dependencies order the jobs).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
sealed class TestScanPackWorkflowAttribute : GitHubActionsAttribute
{
    public TestScanPackWorkflowAttribute(string name, params string[] moreTargets)
        : base(name) =>
        InvokedTargets =
        [
            nameof(IUnitTest.UnitTest),
            nameof(IIntegrationTest.IntegrationTest),
            nameof(ISystemTest.SystemTest),
            nameof(ITest.Test),
            nameof(IScan.Scan),
            nameof(IPack.Pack),
            .. moreTargets,
        ];
}
