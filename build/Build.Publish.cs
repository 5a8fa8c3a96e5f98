using Kiln;
using Kiln.Components;
using Kiln.GitHub;
using Kiln.GitHubActions;
using Kiln.Publishing;

/// <summary>
/// Publish: the packages Pack made, to a NuGet source (a local folder feed unless told otherwise), and on CI for a
/// v* tag a GitHub release with the CHANGELOG section as notes and the packages attached. Safe to run again.
/// </summary>
partial class Build
{
    [Parameter("Where Publish pushes packages: a folder feed (default artifacts/feed, relative to the root) or an http(s) NuGet v3 service index.")]
    readonly string NuGetSource = "artifacts/feed";

    [Parameter("API key for an http(s) --nuget-source; a folder feed needs none."), Secret]
    readonly string? NuGetApiKey;

    [Parameter("Whether --nuget-source takes stable versions only: Publish then refuses a pre-release version.")]
    readonly bool NuGetStableOnly;

    [Parameter("Token for the GitHub release of a v* tag (the workflow's GITHUB_TOKEN, with contents: write)."), Secret]
    readonly string? GitHubToken;

    [Parameter("GitHub's REST API (GitHub Enterprise: https://host/api/v3/).")]
    readonly string GitHubApiUrl = "https://api.github.com/";

    /// <summary>The tag of a GitHub Actions run started by pushing a v* tag; null otherwise.</summary>
    static string? ReleaseTag =>
        Environment.GetEnvironmentVariable("GITHUB_REF") is { } reference && reference.StartsWith("refs/tags/v", StringComparison.Ordinal)
            ? reference["refs/tags/".Length..]
            : null;

    [GitHubActionsJob(Permissions = ["contents: write"])]
    Target Publish => _ => _
        .Description("Pushes the packages and symbols to --nuget-source (default: the folder feed artifacts/feed); for a v* tag on CI, also the GitHub release.")
        .DependsOn(Pack)
        .Consumes(Pack)
        .Requires(() => Configuration == Configuration.Release, "Publish needs --configuration Release: packages built in Debug are not fit to ship.")
        .Requires(() => IsCleanWorkingTree(), "The working tree has uncommitted changes (see git status): commit or stash them; Publish ships committed code only.")
        .Requires(() => !Kiln.Publishing.NuGetSource.Parse(NuGetSource, RootDirectory).IsRemote || !string.IsNullOrWhiteSpace(NuGetApiKey), "--nuget-api-key is required to push to an http(s) --nuget-source: pass it, or set NUGET_API_KEY.")
        .Requires(() => !NuGetStableOnly || !((IHazGitVersion)this).Versions.SemVer.Contains('-'), "This version is a pre-release and --nuget-source takes stable versions only (--nuget-stable-only): publish from a release tag, or to another source.")
        .Requires(() => ReleaseTag == null || !string.IsNullOrWhiteSpace(GitHubToken), "A v* tag publishes a GitHub release, which needs --github-token: set GITHUB_TOKEN (secrets.GITHUB_TOKEN in the workflow).")
        .Executes(async cancellationToken =>
        {
            var packages = Directory.GetFiles(PackagesDirectory, "*.nupkg").Order(StringComparer.Ordinal).ToList();
            var source = Kiln.Publishing.NuGetSource.Parse(NuGetSource, RootDirectory);
            var publisher = new NuGetPublisher(source, NuGetApiKey, NuGetStableOnly) { Configuration = Configuration.ToString(), RepositoryRoot = RootDirectory };
            var results = await publisher.PublishAsync(packages, cancellationToken);
            ReportSummary(PublishResult.Summarize(results));

            if (ReleaseTag is { } tag)
            {
                var version = tag.TrimStart('v');
                var notes = ReleaseNotes.FromChangelog(RootDirectory / "CHANGELOG.md", version);
                var releases = new GitHubReleases(Environment.GetEnvironmentVariable("GITHUB_REPOSITORY") ?? "", GitHubToken!, new Uri(GitHubApiUrl));
                var assets = packages.Concat(Directory.GetFiles(PackagesDirectory, "*.snupkg").Order(StringComparer.Ordinal));
                var page = await releases.PublishAsync(tag, version, notes, prerelease: version.Contains('-'), assets, cancellationToken);
                Log.Information($"GitHub release: {page}");
            }
        });

    /// <summary>
    /// Whether git reports no change, tracked or untracked (ignored files do not count). A Requires condition runs
    /// before the build starts, synchronously; NuGetPublisher checks again, naming the files, just before pushing.
    /// </summary>
    static bool IsCleanWorkingTree()
    {
        using var git = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("git", ["status", "--porcelain"])
        {
            WorkingDirectory = RootDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new KilnException("git did not start: install git, then publish again.");
        var status = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        return git.ExitCode == 0 && PublishPreconditions.WorkingTree(status.Split('\n', StringSplitOptions.RemoveEmptyEntries)) is null;
    }
}
