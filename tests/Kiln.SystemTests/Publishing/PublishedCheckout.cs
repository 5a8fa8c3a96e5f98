using Kiln.IntegrationTests;
using Kiln.SystemTests.SampleRepository;

namespace Kiln.SystemTests.Publishing;

/// <summary>
/// A release engineer's day, on a copy of this checkout: <c>./build.sh Publish --configuration Release</c> into the
/// default local feed (artifacts/feed), then the same again after the compiled output is wiped, then a fresh sample
/// repository whose build restores Kiln.Components from that feed. The test tiers and Scan are skipped inside the copy: they
/// are what the surrounding run is doing already. Everything lives in one temporary folder, deleted at the end.
/// </summary>
public sealed class PublishedCheckout : IAsyncLifetime
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(15);

    private static readonly string[] SkippedTiers = ["--skip", "UnitTest", "IntegrationTest", "SystemTest", "Test", "Scan"];

    private readonly string scratch = Directory.CreateTempSubdirectory("kiln-publish-").FullName;

    /// <summary>The copy of this checkout: its working tree committed, its origin a GitHub URL (for SourceLink).</summary>
    public string Checkout => Path.Combine(scratch, "kiln");

    /// <summary>The local feed Publish wrote by default.</summary>
    public string Feed => Path.Combine(Checkout, "artifacts", "feed");

    /// <summary>The packages of the first Publish, copied aside before the second run packed again.</summary>
    public string FirstPackages => Path.Combine(scratch, "first-packages");

    /// <summary>The packages of the second Publish.</summary>
    public string SecondPackages => Path.Combine(Checkout, "artifacts", "packages");

    /// <summary>The version the packages carry.</summary>
    public string Version { get; private set; } = string.Empty;

    internal BuildRun FirstPublish { get; private set; } = null!;

    internal BuildRun SecondPublish { get; private set; } = null!;

    internal FeedSample Sample { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await CopyCheckoutAsync();

        FirstPublish = await BuildProcess.RunAsync(Checkout, ["Publish", "--configuration", "Release", .. SkippedTiers], timeout: PublishTimeout);
        FirstPublish.AssertExitCode(0);
        var kiln = Directory.GetFiles(Path.Combine(Checkout, "artifacts", "packages"), "Kiln.Components.*.nupkg").Single();
        Version = Path.GetFileNameWithoutExtension(kiln)["Kiln.Components.".Length..];
        CopyDirectory(Path.Combine(Checkout, "artifacts", "packages"), FirstPackages);

        // Nothing compiled survives: the second Publish compiles and packs the same commit from scratch.
        foreach (var output in Directory.GetDirectories(Path.Combine(Checkout, "src")).SelectMany(project => new[] { Path.Combine(project, "bin"), Path.Combine(project, "obj") }).Where(Directory.Exists))
        {
            Directory.Delete(output, recursive: true);
        }

        SecondPublish = await BuildProcess.RunAsync(Checkout, ["Publish", "--configuration", "Release", .. SkippedTiers], timeout: PublishTimeout);

        Sample = new FeedSample(Feed, Version);
        await Sample.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        if (Sample is not null)
        {
            await Sample.DisposeAsync();
        }

        ScratchFolder.Delete(scratch);
    }

    /// <summary>A clone of this checkout with its working tree (tracked and untracked, not ignored) committed on top.</summary>
    private async Task CopyCheckoutAsync()
    {
        var root = RepositoryRoot.Path;
        await GitAsync(scratch, "clone", "--quiet", "--no-hardlinks", root, Checkout);
        var files = await GitAsync(root, "ls-files", "-z", "--cached", "--others", "--exclude-standard");
        foreach (var file in files.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var source = Path.Combine(root, file);
            if (File.Exists(source))
            {
                var target = Path.Combine(Checkout, file);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(source, target, overwrite: true);
            }
        }

        await GitAsync(Checkout, "add", "--all");
        if ((await GitAsync(Checkout, "status", "--porcelain")).Length > 0)
        {
            await GitAsync(Checkout, "commit", "--quiet", "--message", "The working tree under test");
        }

        await GitAsync(Checkout, "remote", "set-url", "origin", "https://github.com/kiln/kiln.git");
    }

    private static void CopyDirectory(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)), overwrite: true);
        }
    }

    private static Task<string> GitAsync(string directory, params string[] arguments) => ScratchGit.RunAsync(directory, arguments);
}
