using Kiln;
using Kiln.Azure.Releases;
using Kiln.Components;
using Kiln.GitHubActions;

/// <summary>
/// Deploy, Promote and Rollback (IDeploy): versioned releases in Azure Blob Storage, one pointer per environment. With
/// no storage configured they use a local Azurite (Node.js; pinned in build/node). On CI the deploy jobs sign in with
/// OIDC: set STORAGE_ACCOUNT_URL and AZURE_TENANT_ID, and AZURE_CLIENT_ID on each GitHub environment (docs/deploying.md).
/// </summary>
partial class Build : IDeploy
{
    /// <summary>
    /// The environments, from the branch model: development from anywhere, test and staging from the default branch and
    /// tags, production from tags alone, in a container of its own (give each environment its own identity:
    /// docs/deploying.md).
    /// </summary>
    public IReadOnlyList<DeployEnvironment> DeployEnvironments { get; } =
    [
        new("development", Container: "preview", PathPrefix: "", AllowedRefs: ["*"], GitHubEnvironment: "development"),
//#if (defaultBranchGiven)
        new("test", Container: "preview", PathPrefix: "", AllowedRefs: ["refs/heads/KILN_DEFAULT_BRANCH", "refs/tags/v*"], GitHubEnvironment: "test"),
        new("staging", Container: "releases", PathPrefix: "", AllowedRefs: ["refs/heads/KILN_DEFAULT_BRANCH", "refs/tags/v*"], GitHubEnvironment: "staging"),
//#else
        new("test", Container: "preview", PathPrefix: "", AllowedRefs: ["refs/heads/main", "refs/heads/master", "refs/tags/v*"], GitHubEnvironment: "test"),
        new("staging", Container: "releases", PathPrefix: "", AllowedRefs: ["refs/heads/main", "refs/heads/master", "refs/tags/v*"], GitHubEnvironment: "staging"),
//#endif
        new("production", Container: "production", PathPrefix: "", AllowedRefs: ["refs/tags/v*"], GitHubEnvironment: "production") { RefusesLocalDeploys = true },
    ];

    // ci.yml deploys each push to the default branch to test; pull requests skip the job.
//#if (defaultBranchGiven)
    [GitHubActionsJob(Environment = "test", Permissions = ["id-token: write"], OnlyOnRefs = ["refs/heads/KILN_DEFAULT_BRANCH"])]
//#else
    [GitHubActionsJob(Environment = "test", Permissions = ["id-token: write"], OnlyOnRefs = ["refs/heads/main", "refs/heads/master"])]
//#endif
    Target DeployTest => _ => From<IDeploy>().DeploysTo(_, () => "test")
        .Description("Deploy --environment test (ci.yml's job on pushes to the default branch).");

    // The release workflow deploys twice, to two environments: a generated job runs one target, so each gets its own.
    [GitHubActionsJob(Environment = "staging", Permissions = ["id-token: write"])]
    Target DeployStaging => _ => From<IDeploy>().DeploysTo(_, () => "staging")
        .Description("Deploy --environment staging (the release workflow's staging job).");

    [GitHubActionsJob(Environment = "production", Permissions = ["id-token: write"])]
    Target DeployProduction => _ => From<IDeploy>().DeploysTo(_, () => "production")
        .DependsOn(DeployStaging)
        .Description("Deploy --environment production once staging took the release (behind the production environment's approvals).");
}
