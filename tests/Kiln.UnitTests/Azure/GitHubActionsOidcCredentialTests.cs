using Kiln.Azure.Authentication;

namespace Kiln.UnitTests.Azure;

/// <summary>When a job gets the OIDC credential; the token request itself is tested against a local runner in Kiln.IntegrationTests.</summary>
public sealed class GitHubActionsOidcCredentialTests
{
    private static readonly Dictionary<string, string> Runner = new(StringComparer.Ordinal)
    {
        ["ACTIONS_ID_TOKEN_REQUEST_URL"] = "https://pipelines.actions.example/token?api-version=2.0",
        ["ACTIONS_ID_TOKEN_REQUEST_TOKEN"] = "runner-token",
    };

    [Theory]
    [InlineData(null, "client")]
    [InlineData("tenant", null)]
    [InlineData("", "client")]
    public void Without_the_tenant_or_client_id_it_leaves_the_sign_in_to_DefaultAzureCredential(string? tenant, string? client) =>
        Assert.Null(GitHubActionsOidcCredential.FromEnvironment(tenant, client, name => Runner.GetValueOrDefault(name)));

    [Fact]
    public void A_job_without_id_token_write_has_no_token_request_url_and_gets_no_OIDC_credential() =>
        Assert.Null(GitHubActionsOidcCredential.FromEnvironment("tenant", "client", _ => null));
}
