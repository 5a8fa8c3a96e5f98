using System.Security.Cryptography;
using Kiln.Execution;
using Kiln.Hosts;
using Kiln.Publishing;
using Kiln.Tooling;

namespace Kiln.IntegrationTests.Publishing;

/// <summary>Real packages published to a folder feed, which real dotnet then pushes to or restores from.</summary>
[Collection(PublishingRuns.Name)]
public sealed class FolderFeedPublishTests : IDisposable
{
    private readonly SamplePackages packages;
    private readonly string folder = Directory.CreateTempSubdirectory("kiln-folder-feed-").FullName;
    private readonly StringWriter output = new();

    public FolderFeedPublishTests(SamplePackages packages)
    {
        this.packages = packages;
        BuildContext.Current = new BuildContext(new ConsoleHost(output, new SecretMasker(), useColors: false), CancellationToken.None);
    }

    private string Feed => Path.Combine(folder, "feed");

    private string Published => Path.Combine(Feed, $"{SamplePackages.Id}.1.0.0.nupkg");

    public void Dispose()
    {
        output.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_package_is_published_to_a_new_folder_feed_with_its_symbols_beside_it()
    {
        var results = await Publisher().PublishAsync([packages.First]);

        Assert.Equal(PublishOutcome.Published, results.Single().Outcome);
        Assert.Equal([$"{SamplePackages.Id}.1.0.0.nupkg", $"{SamplePackages.Id}.1.0.0.snupkg"], FeedFiles(Feed));
        Assert.Equal(Hash(packages.First), Hash(Published));
        Assert.Equal(Hash(Path.ChangeExtension(packages.First, ".snupkg")), Hash(Path.ChangeExtension(Published, ".snupkg")));
    }

    [Fact]
    public async Task Kiln_puts_the_package_where_dotnet_nuget_push_puts_it_in_a_folder_feed()
    {
        var pushed = Directory.CreateDirectory(Path.Combine(folder, "pushed")).FullName;
        await ProcessRunner.RunAsync(new DotNetNuGetPushSettings(packages.First) { Source = pushed, WorkingDirectory = folder }.ToCommand() with { EchoOutput = false });

        await Publisher().PublishAsync([packages.First]);

        Assert.Equal(FeedFiles(pushed), FeedFiles(Feed).Where(file => file.EndsWith(".nupkg", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Publishing_again_is_already_published_with_a_note_and_leaves_the_feed_file_untouched()
    {
        await Publisher().PublishAsync([packages.First]);
        var bytes = await File.ReadAllBytesAsync(Published);
        var writtenAt = File.GetLastWriteTimeUtc(Published);

        var results = await Publisher().PublishAsync([packages.First]);

        Assert.Equal(PublishOutcome.AlreadyPublished, results.Single().Outcome);
        Assert.Contains($"{SamplePackages.Id} 1.0.0 is already published to {Feed}: skipped.", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(Published));
        Assert.Equal(writtenAt, File.GetLastWriteTimeUtc(Published));
    }

    [Fact]
    public async Task Another_package_under_a_published_version_is_refused_and_the_feed_file_is_unchanged()
    {
        await Publisher().PublishAsync([packages.First]);
        var writtenAt = File.GetLastWriteTimeUtc(Published);

        var exception = await Assert.ThrowsAsync<KilnException>(() => Publisher().PublishAsync([packages.Second]));

        Assert.Equal(
            $"{SamplePackages.Id} 1.0.0 is already in {Feed} with different content: a published version is never overwritten; bump the version (commit or tag) and publish again.",
            exception.Message);
        Assert.Equal(Hash(packages.First), Hash(Published));
        Assert.Equal(writtenAt, File.GetLastWriteTimeUtc(Published));
    }

    [Fact]
    public async Task A_project_restores_the_package_from_the_folder_feed_Kiln_wrote()
    {
        await Publisher().PublishAsync([packages.First]);

        var restored = await RestoreAsync("1.0.0");

        Assert.Equal(Hash(packages.First), Hash(restored));
    }

    [Fact]
    public async Task A_hierarchical_folder_feed_gets_the_new_version_in_its_layout_and_still_restores()
    {
        var older = new PackageIdentity(SamplePackages.Id, "0.9.0");
        var olderEntry = FolderFeedEntry.For(Feed, older, FolderFeedLayout.Hierarchical);
        Directory.CreateDirectory(Path.GetDirectoryName(olderEntry.Package)!);
        File.Copy(packages.Older, olderEntry.Package);
        await File.WriteAllTextAsync(olderEntry.Hash!, Convert.ToBase64String(SHA512.HashData(await File.ReadAllBytesAsync(packages.Older))));
        await File.WriteAllTextAsync(olderEntry.Nuspec!, $"<?xml version=\"1.0\"?><package><metadata><id>{SamplePackages.Id}</id><version>0.9.0</version><authors>Kiln tests</authors><description>older</description></metadata></package>");

        var results = await Publisher().PublishAsync([packages.First]);

        Assert.Equal(PublishOutcome.Published, results.Single().Outcome);
        Assert.Empty(Directory.GetFiles(Feed));
        Assert.Equal(Hash(packages.First), Hash(await RestoreAsync("1.0.0")));
    }

    private NuGetPublisher Publisher() => new(NuGetSource.Parse("feed", folder));

    /// <summary>Restores a project that references the sample package from the feed alone, into its own packages folder; returns the restored .nupkg.</summary>
    private async Task<string> RestoreAsync(string version)
    {
        var consumer = Directory.CreateDirectory(Path.Combine(folder, "consumer")).FullName;
        await File.WriteAllTextAsync(Path.Combine(consumer, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              <ItemGroup><PackageReference Include="{SamplePackages.Id}" Version="[{version}]" /></ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(consumer, "nuget.config"), $"""
            <configuration>
              <packageSources><clear /><add key="feed" value="{Feed}" /></packageSources>
            </configuration>
            """);
        var globalPackages = Path.Combine(folder, "global-packages");
        await DotNet.RestoreAsync(new DotNetRestoreSettings { WorkingDirectory = consumer, Properties = new Dictionary<string, string> { ["RestorePackagesPath"] = globalPackages } });
        var id = SamplePackages.Id.ToLowerInvariant();
        return Path.Combine(globalPackages, id, version, $"{id}.{version}.nupkg");
    }

    private static string Hash(string file) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));

    private static string[] FeedFiles(string feed) =>
        Directory.GetFiles(feed, "*", SearchOption.AllDirectories).Select(file => Path.GetRelativePath(feed, file)).Order(StringComparer.Ordinal).ToArray();
}
