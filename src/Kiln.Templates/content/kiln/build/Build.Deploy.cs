using Kiln;
using Kiln.Azure.Releases;
using Kiln.Components;
using Kiln.GitHubActions;

/// <summary>
/// Deploy, Promote and Rollback (IDeploy): versioned releases in Azure Blob Storage, one pointer per environment. With
/// no storage configured they use a local Azurite (Node.js; pinned in build/node). On CI, set STORAGE_ACCOUNT_URL with
/// AZURE_TENANT_ID and AZURE_CLIENT_ID (OIDC), or the secret AZURE_STORAGE_CONNECTION_STRING.
/// </summary>
partial class Build : IDeploy
{
    /// <summary>
    /// The environments, from the branch model: development from anywhere, staging from KILN_DEFAULT_BRANCH and tags,
    /// production from tags alone, in a container of its own (give each environment its own identity: docs/deploying.md).
    /// </summary>
    public IReadOnlyList<DeployEnvironment> DeployEnvironments { get; } =
    [
        new("development", Container: "preview", PathPrefix: "", AllowedRefs: ["*"], GitHubEnvironment: "development"),
//#if (defaultBranchGiven)
        new("staging", Container: "releases", PathPrefix: "", AllowedRefs: ["refs/heads/KILN_DEFAULT_BRANCH", "refs/tags/v*"], GitHubEnvironment: "staging"),
//#else
        new("staging", Container: "releases", PathPrefix: "", AllowedRefs: ["refs/heads/main", "refs/heads/master", "refs/tags/v*"], GitHubEnvironment: "staging"),
//#endif
        new("production", Container: "production", PathPrefix: "", AllowedRefs: ["refs/tags/v*"], GitHubEnvironment: "production") { RefusesLocalDeploys = true },
    ];

    // The release workflow deploys twice, to two environments: a generated job runs one target, so each gets its own.
    [GitHubActionsJob(Environment = "staging", Permissions = ["id-token: write"])]
    Target DeployStaging => _ => From<IDeploy>().DeploysTo(_, () => "staging")
        .Description("Deploy --environment staging (the release workflow's staging job).");

    [GitHubActionsJob(Environment = "production", Permissions = ["id-token: write"])]
    Target DeployProduction => _ => From<IDeploy>().DeploysTo(_, () => "production")
        .DependsOn(DeployStaging)
        .Description("Deploy --environment production once staging took the release (behind the production environment's approvals).");
}
