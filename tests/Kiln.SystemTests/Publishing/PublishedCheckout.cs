using Kiln.IntegrationTests;

namespace Kiln.SystemTests.Publishing;

/// <summary>
/// A release engineer's day, on a copy of this checkout: <c>./build.sh Publish --configuration Release</c> into the
/// default local feed (artifacts/feed); then one project's compiled output is wiped and Publish runs again, which
/// compiles that project from scratch, packs every package again and finds each already on the feed. The test tiers
/// and Scan are skipped inside the copy: they are what the surrounding run is doing already. Everything lives in one
/// temporary folder, deleted at the end. The copy starts with this checkout's compiled build/ (as a developer's clone
/// has it after a first run), which build.sh reuses when the copy's inputs hash the same: the bootstrapper's own
/// compile is the integration tests' subject, and a second one here would only add a minute.
/// </summary>
public sealed class PublishedCheckout : IAsyncLifetime
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(10);

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

    /// <summary>The project whose compiled output the second Publish compiles again from nothing.</summary>
    public string RecompiledProject => "Kiln.Components";

    /// <summary>A scratch folder of the tests' own, deleted with the rest.</summary>
    public string Scratch => scratch;

    /// <summary>The version the packages carry.</summary>
    public string Version { get; private set; } = string.Empty;

    internal BuildRun FirstPublish { get; private set; } = null!;

    internal BuildRun SecondPublish { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await CopyCheckoutAsync();

        FirstPublish = await BuildProcess.RunAsync(Checkout, ["Publish", "--configuration", "Release", .. SkippedTiers], timeout: PublishTimeout);
        FirstPublish.AssertExitCode(0);
        var kiln = Directory.GetFiles(Path.Combine(Checkout, "artifacts", "packages"), "Kiln.Components.*.nupkg").Single();
        Version = Path.GetFileNameWithoutExtension(kiln)["Kiln.Components.".Length..];
        ScratchFolder.Copy(Path.Combine(Checkout, "artifacts", "packages"), FirstPackages);

        // Compiling one project from nothing shows that compiling is deterministic too; the others compile incrementally,
        // which is all a second full Publish would add.
        Directory.Delete(Path.Combine(Checkout, "src", RecompiledProject, "bin"), recursive: true);
        Directory.Delete(Path.Combine(Checkout, "src", RecompiledProject, "obj"), recursive: true);

        SecondPublish = await BuildProcess.RunAsync(Checkout, ["Publish", "--configuration", "Release", .. SkippedTiers], timeout: PublishTimeout);
    }

    public Task DisposeAsync()
    {
        ScratchFolder.Delete(scratch);
        return Task.CompletedTask;
    }

    /// <summary>A clone of this checkout with its working tree (tracked and untracked, not ignored, less what it deleted) committed on top.</summary>
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

        var deleted = await GitAsync(root, "diff", "-z", "--name-only", "--diff-filter=D", "HEAD");
        foreach (var file in deleted.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            File.Delete(Path.Combine(Checkout, file));
        }

        await GitAsync(Checkout, "add", "--all");
        if ((await GitAsync(Checkout, "status", "--porcelain")).Length > 0)
        {
            await GitAsync(Checkout, "commit", "--quiet", "--message", "The working tree under test");
        }

        await GitAsync(Checkout, "remote", "set-url", "origin", "https://github.com/kiln/kiln.git");

        var temp = Path.Combine(root, ".nuke", "temp");
        if (File.Exists(Path.Combine(temp, "build.hash")))
        {
            ScratchFolder.Copy(Path.Combine(temp, "bootstrap", "bin", "_build"), Path.Combine(Checkout, ".nuke", "temp", "bootstrap", "bin", "_build"));
            File.Copy(Path.Combine(temp, "build.hash"), Path.Combine(Checkout, ".nuke", "temp", "build.hash"));
        }
    }

    private static Task<string> GitAsync(string directory, params string[] arguments) => ScratchGit.RunAsync(directory, arguments);
}
