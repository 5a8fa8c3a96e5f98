using Kiln.GitHub;
using Kiln.Publishing;

namespace Kiln.Components;

/// <summary>What <see cref="IPublish.Publish"/> does, kept out of the interface so that it reads as a list of members.</summary>
internal static class PublishRun
{
    /// <summary>The tag of a GitHub Actions run started by pushing a v* tag; null otherwise.</summary>
    public static string? ReleaseTag =>
        EnvironmentVariable("GITHUB_REF") is { } reference && reference.StartsWith("refs/tags/v", StringComparison.Ordinal)
            ? reference["refs/tags/".Length..]
            : null;

    public static async Task RunAsync(IPublish build, CancellationToken cancellationToken)
    {
        var root = KilnBuild.RootDirectory;
        var packages = Directory.GetFiles(build.PackagesDirectory, "*.nupkg").Order(StringComparer.Ordinal).ToList();
        var source = NuGetSource.Parse(build.NuGetSource, root);
        var publisher = new NuGetPublisher(source, build.NuGetApiKey, build.NuGetStableOnly) { Configuration = build.Configuration.ToString(), RepositoryRoot = root };
        var results = await publisher.PublishAsync(packages, cancellationToken).ConfigureAwait(false);
        KilnBuild.ReportSummary(PublishResult.Summarize(results));

        if (ReleaseTag is { } tag)
        {
            var version = tag.TrimStart('v');
            var notes = ReleaseNotes.FromChangelog(root / "CHANGELOG.md", version);
            var releases = new GitHubReleases(EnvironmentVariable("GITHUB_REPOSITORY") ?? "", build.GitHubToken!, new Uri(build.GitHubApiUrl));
            var assets = packages.Concat(Directory.GetFiles(build.PackagesDirectory, "*.snupkg").Order(StringComparer.Ordinal));
            var page = await releases.PublishAsync(tag, version, notes, prerelease: version.Contains('-'), assets, cancellationToken).ConfigureAwait(false);
            Log.Information($"GitHub release: {page}");
        }
    }

    /// <summary>Whether the source can be pushed to with the key given: a folder feed needs none, an http(s) source does.</summary>
    /// <remarks>
    /// Here and not in the target's Requires, which is an expression tree: naming a Kiln.Publishing method there loads the
    /// package whenever the target is defined, on --help too.
    /// </remarks>
    public static bool HasKeyFor(string source, string? apiKey) =>
        !NuGetSource.Parse(source, KilnBuild.RootDirectory).IsRemote || !string.IsNullOrWhiteSpace(apiKey);

    /// <summary>
    /// Whether git reports no change, tracked or untracked (ignored files do not count). A Requires condition runs
    /// before the build starts, synchronously; NuGetPublisher checks again, naming the files, just before pushing.
    /// </summary>
    public static bool IsCleanWorkingTree()
    {
        using var git = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("git", ["status", "--porcelain"])
        {
            WorkingDirectory = KilnBuild.RootDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new KilnException("git did not start: install git, then publish again.");
        var status = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        return git.ExitCode == 0 && PublishPreconditions.WorkingTree(status.Split('\n', StringSplitOptions.RemoveEmptyEntries)) is null;
    }

    private static string? EnvironmentVariable(string name) => Environment.GetEnvironmentVariable(name);
}
