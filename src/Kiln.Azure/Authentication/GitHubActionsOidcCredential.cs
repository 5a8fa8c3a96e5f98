using System.Net.Http.Headers;
using System.Text.Json;
using Azure.Core;
using Azure.Identity;

namespace Kiln.Azure.Authentication;

/// <summary>
/// Microsoft Entra ID through workload identity federation on GitHub Actions: asks the runner for the job's OIDC token
/// (ACTIONS_ID_TOKEN_REQUEST_URL with ACTIONS_ID_TOKEN_REQUEST_TOKEN, which a job with <c>permissions: id-token: write</c>
/// has) for the audience api://AzureADTokenExchange, and trades it for a storage token as the app registration or
/// managed identity whose federated credential trusts the repository. No secret is stored anywhere.
/// </summary>
public sealed class GitHubActionsOidcCredential : TokenCredential
{
    /// <summary>The audience Entra ID expects of a federated token.</summary>
    public const string Audience = "api://AzureADTokenExchange";

    private static readonly HttpClient Http = new();
    private readonly ClientAssertionCredential credential;
    private readonly Uri jobTokenRequest;
    private readonly string tokenRequestToken;

    /// <summary>Creates the credential for the tenant and the client (application) id, with the runner's token request URL and token.</summary>
    public GitHubActionsOidcCredential(string tenantId, string clientId, Uri tokenRequestUrl, string tokenRequestToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        ArgumentNullException.ThrowIfNull(tokenRequestUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(tokenRequestToken);
        var request = new UriBuilder(tokenRequestUrl);
        request.Query = (request.Query.Length > 1 ? request.Query[1..] + "&" : string.Empty) + "audience=" + Uri.EscapeDataString(Audience);
        jobTokenRequest = request.Uri;
        this.tokenRequestToken = tokenRequestToken;
        credential = new ClientAssertionCredential(tenantId, clientId, RequestJobTokenAsync);
    }

    /// <summary>
    /// The credential for this GitHub Actions job when it can get an OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL and _TOKEN
    /// are set) and the tenant and client ids are known; null otherwise.
    /// </summary>
    public static GitHubActionsOidcCredential? FromEnvironment(string? tenantId, string? clientId, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment("ACTIONS_ID_TOKEN_REQUEST_URL") is { Length: > 0 } url
            && environment("ACTIONS_ID_TOKEN_REQUEST_TOKEN") is { Length: > 0 } token
            && !string.IsNullOrWhiteSpace(tenantId) && !string.IsNullOrWhiteSpace(clientId)
            ? new GitHubActionsOidcCredential(tenantId, clientId, new Uri(url), token)
            : null;
    }

    /// <inheritdoc/>
    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => credential.GetToken(requestContext, cancellationToken);

    /// <inheritdoc/>
    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) => credential.GetTokenAsync(requestContext, cancellationToken);

    /// <summary>The job's OIDC token for <see cref="Audience"/>, which the runner hands out to the bearer of its request token.</summary>
    /// <exception cref="InvalidOperationException">The runner refused (the job lacks id-token: write) or answered without a token.</exception>
    internal async Task<string> RequestJobTokenAsync(CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, jobTokenRequest);
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokenRequestToken);
        using var response = await Http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GitHub Actions did not hand out the job's OIDC token ({(int)response.StatusCode}): give the job 'permissions: id-token: write'.");
        }

        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken).ConfigureAwait(false);
        return document.RootElement.GetProperty("value").GetString() ?? throw new InvalidOperationException("GitHub Actions answered the OIDC token request without a token.");
    }
}
