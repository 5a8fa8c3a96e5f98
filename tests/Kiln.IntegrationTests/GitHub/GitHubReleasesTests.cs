using System.Net;
using Kiln.Execution;
using Kiln.GitHub;
using Kiln.Hosts;

namespace Kiln.IntegrationTests.GitHub;

/// <summary>The GitHub release calls over real HTTP, against a local server that plays GitHub's REST API.</summary>
public sealed class GitHubReleasesTests : IDisposable
{
    private const string Token = "ghs_integrationtoken42";
    private const string GetRelease = "GET /repos/kiln/kiln/releases/tags/v1.2.0";
    private const string CreateRelease = "POST /repos/kiln/kiln/releases";

    private readonly LocalGitHubServer github = new();
    private readonly HttpClient http = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(30) };
    private readonly StringWriter output = new();
    private readonly string folder = Directory.CreateTempSubdirectory("kiln-release-it-").FullName;
    private readonly string package;

    public GitHubReleasesTests()
    {
        BuildContext.Current = new BuildContext(new ConsoleHost(output, new SecretMasker(), useColors: false), CancellationToken.None);
        package = Path.Combine(folder, "Kiln.1.2.0.nupkg");
        File.WriteAllText(package, "nupkg bytes");
    }

    public void Dispose()
    {
        github.Dispose();
        http.Dispose();
        output.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Publishing_creates_the_release_after_a_503_and_attaches_the_package()
    {
        github.FailNext(CreateRelease, HttpStatusCode.ServiceUnavailable);

        var page = await Releases().PublishAsync("v1.2.0", "1.2.0", "- Notes.", prerelease: false, [package]);

        Assert.Equal(new Uri("https://github.com/kiln/kiln/releases/tag/v1.2.0"), page);
        Assert.Equal([GetRelease, CreateRelease, CreateRelease, "POST /uploads/repos/kiln/kiln/releases/7/assets?name=Kiln.1.2.0.nupkg"], github.Calls);
        var release = github.ReleaseOf("v1.2.0")!;
        Assert.Equal(("1.2.0", "- Notes.", false), (release.Name, release.Body, release.Prerelease));
        Assert.Equal("nupkg bytes".Length, release.Assets["Kiln.1.2.0.nupkg"].Size);
        Assert.Contains("POST /repos/kiln/kiln/releases answered 503; trying again (2 of 3).", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_request_reaches_GitHub_with_the_bearer_token_media_type_api_version_and_user_agent()
    {
        await Releases().PublishAsync("v1.2.0", "1.2.0", "- Notes.", prerelease: false, [package]);

        Assert.Equal(3, github.Requests.Count);
        Assert.All(github.Requests, request =>
        {
            Assert.Equal($"Bearer {Token}", request.Authorization);
            Assert.Equal("application/vnd.github+json", request.Accept);
            Assert.Equal("2022-11-28", request.ApiVersion);
            Assert.StartsWith("Kiln", request.UserAgent, StringComparison.Ordinal);
        });
        Assert.Equal(["application/json; charset=utf-8", "application/octet-stream"], github.Requests.Skip(1).Select(request => request.ContentType));
    }

    [Fact]
    public async Task Publishing_again_updates_the_notes_and_keeps_the_package_attached()
    {
        await Releases().PublishAsync("v1.2.0", "1.2.0", "- Notes.", prerelease: false, [package]);
        var firstRun = github.Requests.Count;

        await Releases().PublishAsync("v1.2.0", "1.2.0", "- Better notes.", prerelease: false, [package]);

        Assert.Equal([GetRelease, "PATCH /repos/kiln/kiln/releases/7"], github.Calls.Skip(firstRun));
        Assert.Equal("- Better notes.", github.ReleaseOf("v1.2.0")!.Body);
        Assert.Contains("Kiln.1.2.0.nupkg is attached to v1.2.0 already, with the same size: skipped.", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publishing_again_replaces_a_package_whose_size_changed()
    {
        await Releases().PublishAsync("v1.2.0", "1.2.0", "- Notes.", prerelease: false, [package]);
        var firstRun = github.Requests.Count;
        var attached = github.ReleaseOf("v1.2.0")!.Assets["Kiln.1.2.0.nupkg"];
        await File.WriteAllTextAsync(package, "rebuilt nupkg bytes");

        await Releases().PublishAsync("v1.2.0", "1.2.0", "- Notes.", prerelease: false, [package]);

        Assert.Equal(
            [GetRelease, "PATCH /repos/kiln/kiln/releases/7", $"DELETE /repos/kiln/kiln/releases/assets/{attached.Id}", "POST /uploads/repos/kiln/kiln/releases/7/assets?name=Kiln.1.2.0.nupkg"],
            github.Calls.Skip(firstRun));
        Assert.Equal("rebuilt nupkg bytes".Length, github.ReleaseOf("v1.2.0")!.Assets["Kiln.1.2.0.nupkg"].Size);
    }

    [Fact]
    public async Task A_refused_request_fails_at_once_with_GitHubs_reason()
    {
        github.FailNext(CreateRelease, HttpStatusCode.Forbidden);

        var exception = await Assert.ThrowsAsync<KilnException>(() => Releases().PublishAsync("v1.2.0", "1.2.0", "- Notes.", prerelease: false, [package]));

        Assert.StartsWith("GitHub refused POST /repos/kiln/kiln/releases: 403 Forbidden; the token needs contents: write permission", exception.Message, StringComparison.Ordinal);
        Assert.Equal([GetRelease, CreateRelease], github.Calls);
    }

    [Fact]
    public async Task The_token_is_sent_only_in_the_authorization_header_and_never_logged()
    {
        github.FailNext(CreateRelease, HttpStatusCode.BadGateway);
        github.FailNext("GET /repos/kiln/kiln/releases/tags/v1.2.0", HttpStatusCode.InternalServerError);

        await Releases().PublishAsync("v1.2.0", "1.2.0", "- Notes.", prerelease: false, [package]);
        Log.Information($"a target that logs the token by mistake: {Token}");

        Assert.All(github.Requests, request => Assert.DoesNotContain(Token, request.PathAndQuery + request.Body, StringComparison.Ordinal));
        Assert.Contains("trying again", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, output.ToString(), StringComparison.Ordinal);
    }

    private GitHubReleases Releases() => new("kiln/kiln", Token, github.BaseUrl, http, TimeSpan.FromMilliseconds(10));
}
