using System.Net;
using Kiln.Execution;
using Kiln.Hosts;
using Kiln.Publishing;

namespace Kiln.IntegrationTests.Publishing;

/// <summary>An http NuGet v3 source, played by a local server, with real packages and the real dotnet nuget push.</summary>
[Collection(PublishingRuns.Name)]
public sealed class RemoteFeedTests : IDisposable
{
    private const string ApiKey = "oy2integrationkey42";

    private readonly SamplePackages packages;
    private readonly StringWriter output = new();

    public RemoteFeedTests(SamplePackages packages)
    {
        this.packages = packages;
        BuildContext.Current = new BuildContext(new ConsoleHost(output, new SecretMasker(), useColors: false), CancellationToken.None);
    }

    private static string FlatId => SamplePackages.Id.ToLowerInvariant();

    public void Dispose() => output.Dispose();

    [Fact]
    public async Task A_version_the_source_lists_is_already_published_and_not_pushed()
    {
        using var server = new LocalNuGetServer();
        server.Versions[FlatId] = ["0.9.0", "1.0.0"];

        var results = await Publisher(server).PublishAsync([packages.First]);

        Assert.Equal(PublishOutcome.AlreadyPublished, results.Single().Outcome);
        Assert.Equal(["GET /v3/index.json", $"GET /flat/{FlatId}/index.json"], server.Requests);
        Assert.Contains($"{SamplePackages.Id} 1.0.0 is already published to {server.ServiceIndex}: skipped.", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_version_is_pushed_with_its_symbols_and_the_key_only_in_the_request_header()
    {
        using var server = new LocalNuGetServer { HasSymbolServer = true };
        server.Versions[FlatId] = ["0.9.0"];

        var results = await Publisher(server).PublishAsync([packages.First]);

        Assert.Equal(PublishOutcome.Published, results.Single().Outcome);
        Assert.Contains("PUT /push/", server.Requests);
        Assert.Contains("PUT /symbols/", server.Requests);
        Assert.Equal([ApiKey, ApiKey], server.PushedKeys);
        Assert.DoesNotContain(ApiKey, output.ToString(), StringComparison.Ordinal);
        Assert.Contains($"{SamplePackages.Id} 1.0.0 published to {server.ServiceIndex}.", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_source_without_a_symbol_server_gets_the_package_and_a_note_that_the_symbols_stay_behind()
    {
        using var server = new LocalNuGetServer();

        await Publisher(server).PublishAsync([packages.First]);

        Assert.DoesNotContain("PUT /symbols/", server.Requests);
        Assert.Contains(
            $"{server.ServiceIndex} names no symbol server (SymbolPackagePublish): {SamplePackages.Id}.1.0.0.snupkg is not pushed.",
            output.ToString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_version_that_arrived_after_the_check_is_skipped_by_the_push_as_already_published()
    {
        using var server = new LocalNuGetServer { PushStatus = HttpStatusCode.Conflict };

        var results = await Publisher(server).PublishAsync([packages.First]);

        Assert.Equal(PublishOutcome.AlreadyPublished, results.Single().Outcome);
        Assert.Contains("PUT /push/", server.Requests);
    }

    [Fact]
    public async Task A_url_that_is_not_a_NuGet_service_index_is_an_error_that_says_so()
    {
        using var server = new LocalNuGetServer();
        var notAnIndex = new Uri(server.BaseUrl, "nothing/here.json").AbsoluteUri;

        var exception = await Assert.ThrowsAsync<KilnException>(() => new NuGetPublisher(NuGetSource.Parse(notAnIndex, "/"), ApiKey).PublishAsync([packages.First]));

        Assert.Equal($"GET {notAnIndex} answered 404 Not Found: is {notAnIndex} the v3 service index (…/v3/index.json) of a NuGet source?", exception.Message);
        Assert.DoesNotContain(server.Requests, request => request.StartsWith("PUT", StringComparison.Ordinal));
    }

    private static NuGetPublisher Publisher(LocalNuGetServer server) => new(NuGetSource.Parse(server.ServiceIndex, "/"), ApiKey);
}
