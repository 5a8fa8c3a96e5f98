using Kiln.GitHubActions;

namespace Kiln.Components;

/// <summary>
/// Publish: the packages Pack made, once Test and Scan passed when the build has them, to a NuGet source (a local folder feed unless told otherwise), and on GitHub Actions
/// for a v* tag a GitHub release with the version's CHANGELOG.md section as notes and the packages attached. Safe to
/// run again: packages already on the source are skipped, the release is updated.
/// </summary>
public interface IPublish : IPack
{
    /// <summary>The GitHub environment Publish's CI job runs in: give it required reviewers and the NUGET_API_KEY secret.</summary>
    const string PackagesEnvironment = "packages";

    /// <summary>Where Publish pushes: a folder feed, relative to the root, or an http(s) NuGet v3 service index.</summary>
    [Parameter("Where Publish pushes packages: a folder feed (default artifacts/feed, relative to the root) or an http(s) NuGet v3 service index.")]
    string NuGetSource => this.ParameterValue("artifacts/feed");

    /// <summary>The API key of an http(s) <see cref="NuGetSource"/>.</summary>
    [Parameter("API key for an http(s) --nuget-source; a folder feed needs none."), Secret]
    string? NuGetApiKey => this.ParameterValue<IPublish, string?>(null);

    /// <summary>Whether <see cref="NuGetSource"/> takes stable versions only.</summary>
    [Parameter("Whether --nuget-source takes stable versions only: Publish then refuses a pre-release version.")]
    bool NuGetStableOnly => this.ParameterValue(false);

    /// <summary>The token that creates the GitHub release of a v* tag.</summary>
    [Parameter("Token for the GitHub release of a v* tag (the workflow's GITHUB_TOKEN, with contents: write)."), Secret]
    string? GitHubToken => this.ParameterValue<IPublish, string?>(null);

    /// <summary>GitHub's REST API.</summary>
    [Parameter("GitHub's REST API (GitHub Enterprise: https://host/api/v3/).")]
    string GitHubApiUrl => this.ParameterValue("https://api.github.com/");

    /// <summary>Pushes the packages and, for a v* tag on GitHub Actions, publishes the GitHub release.</summary>
    // Publishing ships: its job runs in a GitHub environment of its own, where required reviewers can gate it and the
    // NuGet key can live, out of reach of the workflow's other jobs.
    [GitHubActionsJob(Environment = IPublish.PackagesEnvironment, Permissions = ["contents: write"])]
    Target Publish => _ => _
        .Description("Pushes the packages and symbols to --nuget-source (default: the folder feed artifacts/feed); for a v* tag on CI, also the GitHub release.")
        .ShipsPackedOutputs(this)
        .Requires(() => Configuration == Configuration.Release, "Publish needs --configuration Release: packages built in Debug are not fit to ship.")
        .Requires(() => PublishRun.IsCleanWorkingTree(), "The working tree has uncommitted changes (see git status): commit or stash them; Publish ships committed code only.")
        .Requires(() => PublishRun.HasKeyFor(NuGetSource, NuGetApiKey), "--nuget-api-key is required to push to an http(s) --nuget-source: pass it, or set NUGET_API_KEY.")
        .Requires(() => !NuGetStableOnly || !SemVer.Contains('-'), "This version is a pre-release and --nuget-source takes stable versions only (--nuget-stable-only): publish from a release tag, or to another source.")
        .Requires(() => PublishRun.ReleaseTag == null || !string.IsNullOrWhiteSpace(GitHubToken), "A v* tag publishes a GitHub release, which needs --github-token: set GITHUB_TOKEN (secrets.GITHUB_TOKEN in the workflow).")
        .Executes(cancellationToken => PublishRun.RunAsync(this, cancellationToken));
}
