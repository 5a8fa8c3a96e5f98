using Kiln.Azure.Releases;
using Kiln.GitHubActions;
using Kiln.Services;
using Kiln.Tooling;

namespace Kiln.Components;

/// <summary>
/// Deploy, Promote and Rollback: versioned releases in Azure Blob Storage, one pointer per environment. Deploy uploads
/// Pack's packages (with Test's coverage and Scan's SBOM and SARIF when the build has them, and the version's
/// CHANGELOG.md section) to releases/&lt;version&gt;/ and points the environment at it; Promote points one environment
/// at another's release; Rollback points an environment back. With no storage configured they use a local Azurite.
/// A build lists its <see cref="DeployEnvironments"/>; more deploy targets, one per environment, come from
/// <see cref="DeploysTo"/>.
/// </summary>
public interface IDeploy : IPack
{
    /// <summary>The environments a release can be deployed to, with the refs each takes; the first is the default.</summary>
    IReadOnlyList<DeployEnvironment> DeployEnvironments { get; }

    /// <summary>The environment Deploy and Rollback act on.</summary>
    [Parameter("The environment Deploy and Rollback act on: development (the default), test, staging or production.", Name = "Environment")]
    string DeployEnvironmentName => this.ParameterValue(DeployEnvironments.Count > 0 ? DeployEnvironments[0].Name : "development");

    /// <summary>The environment Promote takes its release from.</summary>
    [Parameter("The environment Promote takes its release from.", Name = "From")]
    string? PromoteFrom => this.ParameterValue<IDeploy, string?>(null);

    /// <summary>The environment Promote moves the release to.</summary>
    [Parameter("The environment Promote moves the release to.", Name = "To")]
    string? PromoteTo => this.ParameterValue<IDeploy, string?>(null);

    /// <summary>The version Rollback goes back to; the one before the current by default.</summary>
    [Parameter("The version Rollback goes back to (default: the version before the current one).")]
    string? ToVersion => this.ParameterValue<IDeploy, string?>(null);

    /// <summary>Whether Rollback may go to a <see cref="ToVersion"/> the environment never ran.</summary>
    [Parameter("Lets Rollback --to-version point the environment at a version it never ran (otherwise only versions in its history).")]
    bool AllowUnserved => this.ParameterValue(false);

    /// <summary>The release storage account's connection string (SharedKey or SAS).</summary>
    [Parameter("Connection string of the release storage account (SharedKey or SAS). Without it and --storage-account-url, a local Azurite.", EnvironmentVariable = "AZURE_STORAGE_CONNECTION_STRING"), Secret]
    string? StorageConnectionString => this.ParameterValue<IDeploy, string?>(null);

    /// <summary>The release storage account's Blob endpoint, signed in to with Microsoft Entra ID.</summary>
    [Parameter("Blob endpoint of the release storage account (https://account.blob.core.windows.net), signed in with Microsoft Entra ID: OIDC on GitHub Actions, else DefaultAzureCredential.")]
    string? StorageAccountUrl => this.ParameterValue<IDeploy, string?>(null);

    /// <summary>The tenant of the identity that deploys.</summary>
    [Parameter("Tenant of the app registration or managed identity that deploys (OIDC on GitHub Actions).")]
    string? AzureTenantId => this.ParameterValue<IDeploy, string?>(null);

    /// <summary>The client id of the identity that deploys.</summary>
    [Parameter("Client (application) id of the app registration or managed identity that deploys (OIDC on GitHub Actions).")]
    string? AzureClientId => this.ParameterValue<IDeploy, string?>(null);

    /// <summary>Whether a local machine may deploy, promote or roll back an environment that refuses local deploys.</summary>
    [Parameter("Lets a local machine deploy, promote or roll back production (otherwise CI alone does).")]
    bool AllowLocalProduction => this.ParameterValue(false);

    /// <summary>
    /// Starts the local Azurite releases go to when no storage is configured, its data under .nuke/temp/azurite (kept
    /// across runs). By default Azurite comes from npm, pinned in build/node/package.json; override it to start one
    /// another way.
    /// </summary>
    async Task<Azurite> StartLocalStorageAsync(CancellationToken cancellationToken)
    {
        var nodeTools = await NodePackages.EnsureInstalledAsync(KilnBuild.RootDirectory / "build" / "node", KilnBuild.TemporaryDirectory / "node", cancellationToken).ConfigureAwait(false);
        return await Azurite.StartAsync(nodeTools, KilnBuild.TemporaryDirectory / "azurite", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deploys to <see cref="DeployEnvironmentName"/>.</summary>
    Target Deploy => _ => DeploysTo(_, () => DeployEnvironmentName)
        .Description("Deploys the packages, coverage, SBOM, SARIF and release notes to releases/<version>/ and points --environment (default development) at it.");

    /// <summary>
    /// What every deploy target is: Pack's packages with Test's and Scan's reports, to one environment, checked before
    /// anything runs. A build declares a target per environment its workflow deploys to with it:
    /// <c>Target DeployStaging =&gt; _ =&gt; From&lt;IDeploy&gt;().DeploysTo(_, () =&gt; "staging");</c>
    /// </summary>
    ITargetDefinition DeploysTo(ITargetDefinition target, Func<string> environment) => target
        .ShipsPackedOutputs(this)
        .Requires(
            () => KilnBuild.IsLocalBuild || !string.IsNullOrWhiteSpace(StorageConnectionString) || !string.IsNullOrWhiteSpace(StorageAccountUrl) && !string.IsNullOrWhiteSpace(AzureTenantId) && !string.IsNullOrWhiteSpace(AzureClientId),
            DeployRun.StorageMissingOnCI)
        .Requires(() => DeployRun.DeployAllowed(this, environment()))
        .Executes(cancellationToken => DeployRun.DeployAsync(this, environment(), cancellationToken));

    /// <summary>Points <see cref="PromoteTo"/> at the release <see cref="PromoteFrom"/> runs.</summary>
    // From a workflow_dispatch workflow with the To input, the job runs inside the environment it moves: that
    // environment's reviewers, branch rules and identity apply.
    [GitHubActionsJob(Environment = "${{ inputs.to }}", Permissions = ["id-token: write"])]
    Target Promote => _ => _
        .Description("Points --to at the release --from runs: server-side copy of its verified bytes when their containers differ; never rebuilds.")
        .Requires(() => PromoteFrom, () => PromoteTo)
        .Requires(
            () => KilnBuild.IsLocalBuild || !string.IsNullOrWhiteSpace(StorageConnectionString) || !string.IsNullOrWhiteSpace(StorageAccountUrl) && !string.IsNullOrWhiteSpace(AzureTenantId) && !string.IsNullOrWhiteSpace(AzureClientId),
            DeployRun.StorageMissingOnCI)
        .Requires(() => DeployRun.PointerMoveAllowed(this, PromoteTo!) && DeployRun.EnvironmentNamed(this, PromoteFrom!) != null)
        .Executes(cancellationToken => DeployRun.PromoteAsync(this, cancellationToken));

    /// <summary>Points <see cref="DeployEnvironmentName"/> back at the version before the current one, or at <see cref="ToVersion"/>.</summary>
    // From a workflow_dispatch workflow with the Environment input, the job runs inside the environment it rolls back.
    [GitHubActionsJob(Environment = "${{ inputs.environment }}", Permissions = ["id-token: write"])]
    Target Rollback => _ => _
        .Description("Points --environment back at the version before the current one, or at --to-version, once that release verifies.")
        .Requires(
            () => KilnBuild.IsLocalBuild || !string.IsNullOrWhiteSpace(StorageConnectionString) || !string.IsNullOrWhiteSpace(StorageAccountUrl) && !string.IsNullOrWhiteSpace(AzureTenantId) && !string.IsNullOrWhiteSpace(AzureClientId),
            DeployRun.StorageMissingOnCI)
        .Requires(() => DeployRun.PointerMoveAllowed(this, DeployEnvironmentName))
        .Executes(cancellationToken => DeployRun.RollbackAsync(this, cancellationToken));
}
