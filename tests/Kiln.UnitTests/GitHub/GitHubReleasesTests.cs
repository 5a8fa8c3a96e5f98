using System.Net;
using System.Text.Json.Nodes;
using Kiln.Execution;
using Kiln.GitHub;
using Kiln.Hosts;

namespace Kiln.UnitTests.GitHub;

public sealed class GitHubReleasesTests : IDisposable
{
    private const string Token = "ghs_testtoken123";
    private const string GetRelease = "GET /repos/kiln/kiln/releases/tags/v1.2.0";
    private const string CreateRelease = "POST /repos/kiln/kiln/releases";
    private const string UpdateRelease = "PATCH /repos/kiln/kiln/releases/7";
    private const string Release = """
        {"id":7,"tag_name":"v1.2.0","html_url":"https://github.com/kiln/kiln/releases/tag/v1.2.0",
         "upload_url":"https://uploads.example/repos/kiln/kiln/releases/7/assets{?name,label}","assets":[]}
        """;

    private readonly FakeGitHub github = new();
    private readonly StringWriter output = new();
    private readonly string folder = Directory.CreateTempSubdirectory("kiln-release-").FullName;

    public GitHubReleasesTests() => BuildContext.Current = new BuildContext(new ConsoleHost(output, new SecretMasker(), useColors: false), CancellationToken.None);

    public void Dispose()
    {
        output.Dispose();
        github.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Publishing_creates_the_release_when_the_tag_has_none()
    {
        github.Answer(HttpStatusCode.NotFound, """{"message":"Not Found"}""").Answer(HttpStatusCode.Created, Release);

        var page = await Releases().PublishAsync("v1.2.0", "1.2.0", "- Notes.", prerelease: false, []);

        Assert.Equal([GetRelease, CreateRelease], github.Calls);
        var body = JsonNode.Parse(github.Requests[1].Body)!;
        Assert.Equal(("v1.2.0", "1.2.0", "- Notes.", false, false), ((string)body["tag_name"]!, (string)body["name"]!, (string)body["body"]!, (bool)body["draft"]!, (bool)body["prerelease"]!));
        Assert.Equal("application/json", github.Requests[1].ContentType);
        Assert.Equal(new Uri("https://github.com/kiln/kiln/releases/tag/v1.2.0"), page);
        Assert.Contains("Created the GitHub release v1.2.0 of kiln/kiln.", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publishing_updates_the_release_the_tag_has_already()
    {
        github.Answer(HttpStatusCode.OK, Release).Answer(HttpStatusCode.OK, Release);

        await Releases().PublishAsync("v1.2.0", "1.2.0", "- Better notes.", prerelease: false, []);

        Assert.Equal([GetRelease, UpdateRelease], github.Calls);
        var body = JsonNode.Parse(github.Requests[1].Body)!.AsObject();
        Assert.Equal(("1.2.0", "- Better notes.", false), ((string)body["name"]!, (string)body["body"]!, (bool)body["prerelease"]!));
        Assert.False(body.ContainsKey("tag_name"));
        Assert.Contains("Updated the GitHub release v1.2.0 of kiln/kiln.", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_prerelease_is_marked_as_one()
    {
        github.Answer(HttpStatusCode.NotFound).Answer(HttpStatusCode.Created, Release);

        await Releases().PublishAsync("v1.2.0", "1.2.0-beta.1", "notes", prerelease: true, []);

        Assert.True((bool)JsonNode.Parse(github.Requests[1].Body)!["prerelease"]!);
    }

    [Fact]
    public async Task Every_request_carries_the_bearer_token_GitHubs_media_type_the_api_version_and_a_user_agent()
    {
        var package = await PackageAsync("Kiln.1.2.0.nupkg", "package");
        github.Answer(HttpStatusCode.OK, Release).Answer(HttpStatusCode.OK, Release).Answer(HttpStatusCode.Created, "{}");

        await Releases().PublishAsync("v1.2.0", "1.2.0", "notes", prerelease: false, [package]);

        Assert.Equal(3, github.Requests.Count);
        Assert.All(github.Requests, request =>
        {
            Assert.Equal($"Bearer {Token}", request.Headers.Authorization?.ToString());
            Assert.Equal("application/vnd.github+json", request.Headers.Accept.Single().MediaType);
            Assert.Equal("2022-11-28", request.Headers.GetValues("X-GitHub-Api-Version").Single());
            Assert.Equal("Kiln", request.Headers.UserAgent.Single().Product?.Name);
        });
    }

    [Fact]
    public async Task An_asset_is_uploaded_as_an_octet_stream_to_the_upload_url_with_its_file_name()
    {
        var package = await PackageAsync("Kiln.1.2.0.nupkg", "package");
        github.Answer(HttpStatusCode.NotFound).Answer(HttpStatusCode.Created, Release).Answer(HttpStatusCode.Created, "{}");

        await Releases().PublishAsync("v1.2.0", "1.2.0", "notes", prerelease: false, [package]);

        var upload = github.Requests[2];
        Assert.Equal(HttpMethod.Post, upload.Method);
        Assert.Equal(new Uri("https://uploads.example/repos/kiln/kiln/releases/7/assets?name=Kiln.1.2.0.nupkg"), upload.Uri);
        Assert.Equal("application/octet-stream", upload.ContentType);
        Assert.Equal("package", upload.Body);
        Assert.Contains("Uploaded Kiln.1.2.0.nupkg to v1.2.0.", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_asset_attached_already_with_the_same_size_is_skipped()
    {
        var package = await PackageAsync("Kiln.1.2.0.nupkg", "1234");
        var release = WithAsset(id: 1, "Kiln.1.2.0.nupkg", size: 4);
        github.Answer(HttpStatusCode.OK, release).Answer(HttpStatusCode.OK, release);

        await Releases().PublishAsync("v1.2.0", "1.2.0", "notes", prerelease: false, [package]);

        Assert.Equal([GetRelease, UpdateRelease], github.Calls);
        Assert.Contains("Kiln.1.2.0.nupkg is attached to v1.2.0 already, with the same size: skipped.", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_asset_attached_already_with_another_size_is_deleted_and_uploaded_again()
    {
        var package = await PackageAsync("Kiln.1.2.0.nupkg", "123456");
        var release = WithAsset(id: 2, "Kiln.1.2.0.nupkg", size: 5);
        github.Answer(HttpStatusCode.OK, release).Answer(HttpStatusCode.OK, release).Answer(HttpStatusCode.NoContent).Answer(HttpStatusCode.Created, "{}");

        await Releases().PublishAsync("v1.2.0", "1.2.0", "notes", prerelease: false, [package]);

        Assert.Equal(
            [GetRelease, UpdateRelease, "DELETE /repos/kiln/kiln/releases/assets/2", "POST /repos/kiln/kiln/releases/7/assets?name=Kiln.1.2.0.nupkg"],
            github.Calls);
    }

    [Fact]
    public async Task A_server_error_is_retried_and_then_succeeds()
    {
        github.Answer(HttpStatusCode.NotFound).Answer(HttpStatusCode.BadGateway, "bad gateway").Answer(HttpStatusCode.Created, Release);

        await Releases().PublishAsync("v1.2.0", "1.2.0", "notes", prerelease: false, []);

        Assert.Equal([GetRelease, CreateRelease, CreateRelease], github.Calls);
        Assert.Equal(github.Requests[1].Body, github.Requests[2].Body);
        Assert.Contains("POST /repos/kiln/kiln/releases answered 502; trying again (2 of 3).", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retried_upload_sends_the_whole_file_again()
    {
        var package = await PackageAsync("Kiln.1.2.0.nupkg", "package");
        github.Answer(HttpStatusCode.NotFound).Answer(HttpStatusCode.Created, Release).Answer(HttpStatusCode.ServiceUnavailable).Answer(HttpStatusCode.Created, "{}");

        await Releases().PublishAsync("v1.2.0", "1.2.0", "notes", prerelease: false, [package]);

        Assert.Equal(["package", "package"], github.Requests.Skip(2).Select(request => request.Body));
    }

    [Fact]
    public async Task A_dropped_connection_and_a_timeout_are_retried()
    {
        github.Drop().TimeOut().Answer(HttpStatusCode.OK, Release).Answer(HttpStatusCode.OK, Release);

        await Releases().PublishAsync("v1.2.0", "1.2.0", "notes", prerelease: false, []);

        Assert.Equal([GetRelease, GetRelease, GetRelease, UpdateRelease], github.Calls);
    }

    [Fact]
    public async Task A_server_error_three_times_fails_with_the_request_and_the_status()
    {
        github.Answer(HttpStatusCode.NotFound)
            .Answer(HttpStatusCode.InternalServerError).Answer(HttpStatusCode.BadGateway).Answer(HttpStatusCode.ServiceUnavailable, """{"message":"Service Unavailable"}""");

        var exception = await Assert.ThrowsAsync<KilnException>(() => Releases().PublishAsync("v1.2.0", "1.2.0", "notes", prerelease: false, []));

        Assert.Equal("GitHub failed POST /repos/kiln/kiln/releases: 503 Service Unavailable; GitHub failed 3 times: publish again later (it is safe to rerun).", exception.Message);
        Assert.Equal(4, github.Requests.Count);
    }

    [Fact]
    public async Task A_connection_dropped_three_times_fails_naming_the_request_and_the_api()
    {
        github.Drop().Drop().Drop();

        var exception = await Assert.ThrowsAsync<KilnException>(() => Releases().PublishAsync("v1.2.0", "1.2.0", "notes", prerelease: false, []));

        Assert.Equal(
            "GET https://api.example/repos/kiln/kiln/releases/tags/v1.2.0 failed 3 times (Connection reset by peer): check the network and that https://api.example/ is GitHub's API, then publish again.",
            exception.Message);
    }

    [Fact]
    public async Task A_refusal_is_not_retried_and_names_the_request_the_status_and_GitHubs_reason()
    {
        github.Answer(HttpStatusCode.NotFound)
            .Answer(HttpStatusCode.UnprocessableEntity, """{"message":"Validation Failed","errors":[{"resource":"Release","code":"already_exists","field":"tag_name"}]}""");

        var exception = await Assert.ThrowsAsync<KilnException>(() => Releases().PublishAsync("v1.2.0", "1.2.0", "notes", prerelease: false, []));

        Assert.Equal(
            "GitHub refused POST /repos/kiln/kiln/releases: 422 Validation Failed (tag_name already_exists); fix what GitHub names, then publish again (it is safe to rerun).",
            exception.Message);
        Assert.Equal(2, github.Requests.Count);
    }

    [Fact]
    public async Task A_bad_token_says_how_to_pass_one()
    {
        github.Answer(HttpStatusCode.Unauthorized, """{"message":"Bad credentials"}""");

        var exception = await Assert.ThrowsAsync<KilnException>(() => Releases().PublishAsync("v1.2.0", "1.2.0", "notes", prerelease: false, []));

        Assert.Equal(
            "GitHub refused GET /repos/kiln/kiln/releases/tags/v1.2.0: 401 Bad credentials; the token is missing or invalid: pass GITHUB_TOKEN (secrets.GITHUB_TOKEN in a workflow).",
            exception.Message);
    }

    [Fact]
    public async Task A_forbidden_create_says_the_token_needs_contents_write()
    {
        github.Answer(HttpStatusCode.NotFound).Answer(HttpStatusCode.Forbidden, """{"message":"Resource not accessible by integration"}""");

        var exception = await Assert.ThrowsAsync<KilnException>(() => Releases().PublishAsync("v1.2.0", "1.2.0", "notes", prerelease: false, []));

        Assert.StartsWith(
            "GitHub refused POST /repos/kiln/kiln/releases: 403 Resource not accessible by integration; the token needs contents: write permission",
            exception.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_token_appears_in_no_exception_even_when_echoed_and_is_masked_in_the_log()
    {
        github.Answer(HttpStatusCode.Unauthorized, $$"""{"message":"Bad credentials: Bearer {{Token}}"}""");

        var exception = await Assert.ThrowsAsync<KilnException>(() => Releases().PublishAsync("v1.2.0", "1.2.0", "notes", prerelease: false, []));
        Log.Information($"a careless line with the token {Token}");

        Assert.Contains("401 Bad credentials: Bearer ***;", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, exception.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, output.ToString(), StringComparison.Ordinal);
        Assert.Contains("a careless line with the token ***", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_client_describes_itself_by_repository_and_api_without_the_token()
    {
        Assert.Equal("GitHub releases of kiln/kiln at https://api.example/", Releases().ToString());
    }

    [Fact]
    public void A_missing_token_is_refused_with_where_to_get_one()
    {
        var exception = Assert.Throws<KilnException>(() => new GitHubReleases("kiln/kiln", ""));

        Assert.StartsWith("A GitHub token is required to publish a release: pass --github-token or set GITHUB_TOKEN", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("kiln")]
    [InlineData("kiln/kiln/extra")]
    [InlineData("https://github.com/kiln/kiln")]
    public void A_repository_not_given_as_owner_and_name_is_refused(string repository)
    {
        var exception = Assert.Throws<KilnException>(() => new GitHubReleases(repository, Token));

        Assert.Equal($"'{repository}' is not a GitHub repository: give it as owner/name, as GITHUB_REPOSITORY has it on GitHub Actions.", exception.Message);
    }

    [Fact]
    public async Task A_missing_file_to_attach_fails_before_any_request()
    {
        var missing = Path.Combine(folder, "Missing.nupkg");

        var exception = await Assert.ThrowsAsync<KilnException>(() => Releases().PublishAsync("v1.2.0", "1.2.0", "notes", prerelease: false, [missing]));

        Assert.Equal($"{missing} does not exist, so it cannot be attached to the release: build it first (Pack), then publish again.", exception.Message);
        Assert.Empty(github.Requests);
    }

    [Fact]
    public async Task Two_files_with_one_name_fail_before_any_request()
    {
        var first = await PackageAsync("Kiln.1.2.0.nupkg", "a");
        var second = Path.Combine(Directory.CreateDirectory(Path.Combine(folder, "other")).FullName, "Kiln.1.2.0.nupkg");
        await File.WriteAllTextAsync(second, "b");

        var exception = await Assert.ThrowsAsync<KilnException>(() => Releases().PublishAsync("v1.2.0", "1.2.0", "notes", prerelease: false, [first, second]));

        Assert.StartsWith("Two files to attach are named Kiln.1.2.0.nupkg", exception.Message, StringComparison.Ordinal);
        Assert.Empty(github.Requests);
    }

    [Fact]
    public async Task A_cancelled_publish_is_not_retried()
    {
        using var cancellation = new CancellationTokenSource();
        github.Hold().Answer(HttpStatusCode.OK, Release);
        var publishing = Releases().PublishAsync("v1.2.0", "1.2.0", "notes", prerelease: false, [], cancellation.Token);
        await github.Held;

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => publishing);
        Assert.Equal([GetRelease], github.Calls);
    }

    private GitHubReleases Releases() =>
        new("kiln/kiln", Token, new Uri("https://api.example"), new HttpClient(github, disposeHandler: false), TimeSpan.Zero);

    private async Task<string> PackageAsync(string name, string content)
    {
        var path = Path.Combine(folder, name);
        await File.WriteAllTextAsync(path, content);
        return path;
    }

    private static string WithAsset(long id, string name, long size) =>
        $$"""
        {"id":7,"tag_name":"v1.2.0","html_url":"https://github.com/kiln/kiln/releases/tag/v1.2.0",
         "upload_url":"https://uploads.example/repos/kiln/kiln/releases/7/assets{?name,label}",
         "assets":[{"id":{{id}},"name":"{{name}}","size":{{size}}}]}
        """;
}
