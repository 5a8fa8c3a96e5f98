using Kiln.Execution;
using Kiln.Hosts;
using Kiln.Publishing;

namespace Kiln.UnitTests.Publishing;

/// <summary>The publisher with a folder feed (no process, no network): the rerun, and the refusals before anything is written.</summary>
public sealed class NuGetPublisherTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("kiln-publisher-").FullName;
    private readonly StringWriter output = new();

    public NuGetPublisherTests() => BuildContext.Current = new BuildContext(new ConsoleHost(output, new SecretMasker(), useColors: false), CancellationToken.None);

    private string Feed => Path.Combine(root, "feed");

    public void Dispose()
    {
        output.Dispose();
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public async Task Publishing_reports_each_package_as_published_in_the_given_order()
    {
        var packages = new[] { SamplePackage.Write(root, "Kiln", "1.0.0"), SamplePackage.Write(root, "Kiln.Versioning", "1.0.0") };

        var results = await new NuGetPublisher(NuGetSource.Parse("feed", root)).PublishAsync(packages);

        Assert.Equal([new PublishResult(new("Kiln", "1.0.0"), PublishOutcome.Published), new PublishResult(new("Kiln.Versioning", "1.0.0"), PublishOutcome.Published)], results);
        Assert.Contains($"Kiln 1.0.0 published to {Feed}.", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publishing_again_notes_each_package_as_already_published_and_counts_it()
    {
        var packages = new[] { SamplePackage.Write(root, "Kiln", "1.0.0"), SamplePackage.Write(root, "Kiln.Versioning", "1.0.0") };
        var publisher = new NuGetPublisher(NuGetSource.Parse("feed", root));
        await publisher.PublishAsync(packages);

        var again = await publisher.PublishAsync(packages);

        Assert.Equal("0 published, 2 already published", PublishResult.Summarize(again));
        Assert.Contains($"Kiln 1.0.0 is already published to {Feed}: skipped.", output.ToString(), StringComparison.Ordinal);
        Assert.Contains($"Kiln.Versioning 1.0.0 is already published to {Feed}: skipped.", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Debug_configuration_is_refused_before_anything_is_written()
    {
        var package = SamplePackage.Write(root, "Kiln", "1.0.0");

        var exception = await Assert.ThrowsAsync<KilnException>(() => new NuGetPublisher(NuGetSource.Parse("feed", root)) { Configuration = "Debug" }.PublishAsync([package]));

        Assert.Equal("Publish needs --configuration Release, not Debug: Debug packages are not optimized.", exception.Message);
        Assert.False(Directory.Exists(Feed));
    }

    [Fact]
    public async Task A_remote_source_without_a_key_is_refused_before_anything_is_pushed()
    {
        var package = SamplePackage.Write(root, "Kiln", "1.0.0");

        var exception = await Assert.ThrowsAsync<KilnException>(() => new NuGetPublisher(NuGetSource.Parse("https://127.0.0.1:9/v3/index.json", root)).PublishAsync([package]));

        Assert.Equal("--nuget-api-key is required to push to https://127.0.0.1:9/v3/index.json: pass it or set NUGET_API_KEY.", exception.Message);
    }

    [Fact]
    public async Task A_pre_release_to_a_stable_only_feed_is_refused_and_the_feed_stays_empty()
    {
        var packages = new[] { SamplePackage.Write(root, "Kiln", "1.0.0"), SamplePackage.Write(root, "Kiln.Versioning", "1.0.0-beta.1") };

        var exception = await Assert.ThrowsAsync<KilnException>(() => new NuGetPublisher(NuGetSource.Parse("feed", root), stableOnly: true).PublishAsync(packages));

        Assert.Equal($"Kiln.Versioning 1.0.0-beta.1 is a pre-release and {Feed} takes stable versions only: publish from a release tag, or to another source.", exception.Message);
        Assert.False(Directory.Exists(Feed));
    }

    [Fact]
    public async Task No_packages_at_all_is_an_error_that_points_to_Pack()
    {
        var exception = await Assert.ThrowsAsync<KilnException>(() => new NuGetPublisher(NuGetSource.Parse("feed", root)).PublishAsync([]));

        Assert.Equal("There are no packages to publish: run Pack first (Publish depends on it).", exception.Message);
    }

    [Fact]
    public async Task A_symbol_package_among_the_packages_is_refused_with_a_pointer_to_the_nupkg()
    {
        var package = SamplePackage.Write(root, "Kiln", "1.0.0");
        var symbols = Path.ChangeExtension(package, ".snupkg");

        var exception = await Assert.ThrowsAsync<KilnException>(() => new NuGetPublisher(NuGetSource.Parse("feed", root)).PublishAsync([package, symbols]));

        Assert.Equal($"{symbols} is a symbol package: pass the .nupkg files only; the .snupkg beside each is published with it.", exception.Message);
        Assert.False(Directory.Exists(Feed));
    }

    [Fact]
    public void The_api_key_is_masked_in_everything_the_build_prints()
    {
        _ = new NuGetPublisher(NuGetSource.Parse("https://nuget.example.org/v3/index.json", root), "oy2secretkey");

        Log.Information("pushing with oy2secretkey");

        Assert.Contains("pushing with ***", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("oy2secretkey", output.ToString(), StringComparison.Ordinal);
    }
}
