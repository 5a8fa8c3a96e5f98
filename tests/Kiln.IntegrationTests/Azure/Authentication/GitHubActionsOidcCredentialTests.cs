using System.Net;
using Kiln.Azure.Authentication;

namespace Kiln.IntegrationTests.Azure.Authentication;

/// <summary>The job's OIDC token request, sent to a runner played by a server on 127.0.0.1.</summary>
public sealed class GitHubActionsOidcCredentialTests : IDisposable
{
    private readonly TokenService runner = new();

    public void Dispose() => runner.Dispose();

    [Fact]
    public async Task A_job_with_an_OIDC_token_asks_the_runner_for_the_Entra_audience_with_its_request_token_as_bearer()
    {
        var credential = FromRunner();

        var token = await credential.RequestJobTokenAsync(CancellationToken.None);

        Assert.Equal("the-job-s-oidc-token", token);
        var request = Assert.Single(runner.Requests);
        Assert.Equal("/token", request.Path);
        Assert.Equal("2.0", request.Query["api-version"]);
        Assert.Equal(GitHubActionsOidcCredential.Audience, request.Query["audience"]);
        Assert.Equal("Bearer runner-token", request.Authorization);
    }

    [Fact]
    public async Task A_job_without_id_token_write_is_refused_403_and_fails_with_one_line_naming_the_permission()
    {
        runner.Status = HttpStatusCode.Forbidden;
        var credential = FromRunner();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => credential.RequestJobTokenAsync(CancellationToken.None));

        Assert.Equal("GitHub Actions did not hand out the job's OIDC token (403): give the job 'permissions: id-token: write'.", failure.Message);
        Assert.Single(runner.Requests);
    }

    private GitHubActionsOidcCredential FromRunner()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ACTIONS_ID_TOKEN_REQUEST_URL"] = new Uri(runner.BaseUrl, "token?api-version=2.0").AbsoluteUri,
            ["ACTIONS_ID_TOKEN_REQUEST_TOKEN"] = "runner-token",
        };
        return GitHubActionsOidcCredential.FromEnvironment("tenant", "client", name => environment.GetValueOrDefault(name))
            ?? throw new InvalidOperationException("A job with a token request URL and token got no OIDC credential.");
    }

    /// <summary>The runner's token service: answers with a token, or with the status a test sets, and records each request.</summary>
    private sealed class TokenService : LocalHttpServer
    {
        public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;

        public System.Collections.Concurrent.ConcurrentQueue<TokenRequest> Requests { get; } = new();

        protected override (HttpStatusCode Status, string Body) Answer(HttpListenerRequest request, byte[] content)
        {
            var query = System.Web.HttpUtility.ParseQueryString(request.Url!.Query);
            Requests.Enqueue(new TokenRequest(request.Url.AbsolutePath, query.AllKeys.ToDictionary(key => key!, key => query[key]!, StringComparer.Ordinal), request.Headers["Authorization"]));
            return Status == HttpStatusCode.OK ? (Status, """{"count":1,"value":"the-job-s-oidc-token"}""") : (Status, """{"message":"Not permitted"}""");
        }
    }

    private sealed record TokenRequest(string Path, Dictionary<string, string> Query, string? Authorization);
}
