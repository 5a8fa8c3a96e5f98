using Kiln;
using Kiln.Azure.Releases;
using Kiln.Components;
using Kiln.GitHubActions;

/// <summary>
/// Deploy, Promote and Rollback (IDeploy): versioned releases in Blob Storage, one pointer per environment
/// (docs/deploying.md). With no storage configured they use a local Azurite with its data under .nuke/temp/azurite.
/// </summary>
partial class Build
{
    /// <summary>
    /// The environments, from the branch model: develop anywhere, main/release/tags to test and staging, tags alone to
    /// production, which has a container of its own, so that an identity trusted by staging cannot write it.
    /// </summary>
    public IReadOnlyList<DeployEnvironment> DeployEnvironments { get; } =
    [
        new("development", Container: "kiln-preview", PathPrefix: "kiln/", AllowedRefs: ["*"], GitHubEnvironment: "development"),
        new("test", Container: "kiln-preview", PathPrefix: "kiln/", AllowedRefs: ["refs/heads/main", "refs/heads/release/*", "refs/tags/v*"], GitHubEnvironment: "test"),
        new("staging", Container: "kiln-releases", PathPrefix: "kiln/", AllowedRefs: ["refs/heads/main", "refs/heads/release/*", "refs/tags/v*"], GitHubEnvironment: "staging"),
        new("production", Container: "kiln-production", PathPrefix: "kiln/", AllowedRefs: ["refs/tags/v*"], GitHubEnvironment: "production") { RefusesLocalDeploys = true },
    ];

    // The release workflow deploys twice with different environments; a generated job runs one target with the
    // workflow's parameters, so each environment it deploys to gets a target of its own over the same definition.
    // Staging's job runs in the GitHub environment 'staging' too, which has no approvals: it gives the job a stable
    // OIDC subject (repo:OWNER/REPO:environment:staging) to federate, where a tag's job would get one per tag.
    // ci.yml deploys every push to main to test; pull requests and other branches skip the job (the environment's
    // deployment branch rule would refuse them anyway).
    [GitHubActionsJob(Environment = "test", Permissions = ["id-token: write"], OnlyOnRefs = ["refs/heads/main"])]
    Target DeployTest => _ => From<IDeploy>().DeploysTo(_, () => "test")
        .Description("Deploy --environment test (ci.yml's job on pushes to main).");

    [GitHubActionsJob(Environment = "staging", Permissions = ["id-token: write"])]
    Target DeployStaging => _ => From<IDeploy>().DeploysTo(_, () => "staging")
        .Description("Deploy --environment staging (the release workflow's staging job).");

    [GitHubActionsJob(Environment = "production", Permissions = ["id-token: write"])]
    Target DeployProduction => _ => From<IDeploy>().DeploysTo(_, () => "production")
        .DependsOn(DeployStaging)
        .Description("Deploy --environment production once staging took the release (the release workflow's production job, behind its approvals).");
}
