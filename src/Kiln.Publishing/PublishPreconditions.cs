using System.Globalization;
using Kiln.Tooling;

namespace Kiln.Publishing;

/// <summary>
/// Why a publish must not start: one line each, naming the problem and the fix; null when the condition holds.
/// <see cref="NuGetPublisher"/> checks them all before it pushes anything; a target can also check one early with
/// <c>Requires(() =&gt; PublishPreconditions.Configuration(Configuration.ToString()) == null)</c>.
/// </summary>
public static class PublishPreconditions
{
    /// <summary>Release only: Debug packages are not optimized.</summary>
    /// <param name="configuration">The configuration the packages were built in.</param>
    public static string? Configuration(string configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return string.Equals(configuration, "Release", StringComparison.OrdinalIgnoreCase) ? null
            : string.Equals(configuration, "Debug", StringComparison.OrdinalIgnoreCase) ? $"Publish needs --configuration Release, not {configuration}: Debug packages are not optimized."
            : $"Publish needs --configuration Release, not {configuration}: only Release packages are published.";
    }

    /// <summary>
    /// Committed code only: the packages must be what the commit (and the version computed from it) says. Changed,
    /// staged and untracked files count; ignored files (artifacts/, bin/, obj/) never show.
    /// </summary>
    /// <param name="porcelainStatus">The lines of <c>git status --porcelain</c> ("XY path", or "XY from -&gt; to").</param>
    public static string? WorkingTree(IReadOnlyList<string> porcelainStatus)
    {
        ArgumentNullException.ThrowIfNull(porcelainStatus);
        var changed = porcelainStatus
            .Where(line => line.Length > 3 && !line.StartsWith("!!", StringComparison.Ordinal))
            .Select(line => line[3..].Split(" -> ")[^1].Trim())
            .ToList();
        return changed.Count == 0
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"The working tree has uncommitted changes ({changed.Count} {(changed.Count == 1 ? "file" : "files")}, e.g. {changed[0]}): commit or stash them; Publish only ships committed code.");
    }

    /// <summary>
    /// Runs <c>git status --porcelain</c> in the repository and checks its answer with <see cref="WorkingTree(IReadOnlyList{string})"/>.
    /// </summary>
    /// <param name="repositoryRoot">A folder of the git working tree the packages were built from.</param>
    /// <param name="cancellationToken">Stops git.</param>
    /// <exception cref="KilnException">git is missing, or failed there (not a repository, say).</exception>
    public static async Task<string?> WorkingTreeAsync(string repositoryRoot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repositoryRoot);
        var status = new ToolCommand("git", ["-c", "core.quotePath=false", "status", "--porcelain", "--untracked-files=all"])
        {
            WorkingDirectory = repositoryRoot,
            EchoOutput = false,
        };
        try
        {
            var result = await ProcessRunner.RunAsync(status, cancellationToken).ConfigureAwait(false);
            return WorkingTree(result.StandardOutput.ToList());
        }
        catch (ToolException exception) when (exception.ExitCode is { } code)
        {
            throw new KilnException(
                string.Create(CultureInfo.InvariantCulture, $"git status failed in {repositoryRoot} (exit code {code}), so Publish cannot tell whether everything is committed: run git status there to see why; Publish only ships committed code from a git clone."),
                exception);
        }
    }

    /// <summary>No pre-release versions to a source that takes stable versions only.</summary>
    /// <param name="packages">The packages to publish.</param>
    /// <param name="source">The source.</param>
    /// <param name="stableOnly">Whether the source takes stable versions only (<c>--nuget-stable-only</c>).</param>
    public static string? StableOnly(IEnumerable<PackageIdentity> packages, NuGetSource source, bool stableOnly)
    {
        ArgumentNullException.ThrowIfNull(packages);
        ArgumentNullException.ThrowIfNull(source);
        var prerelease = stableOnly ? packages.FirstOrDefault(package => package.IsPrerelease) : null;
        return prerelease is null
            ? null
            : $"{prerelease} is a pre-release and {source} takes stable versions only: publish from a release tag, or to another source.";
    }

    /// <summary>An API key for an http source; a folder feed needs none.</summary>
    /// <param name="source">The source.</param>
    /// <param name="apiKey">The key given, if any.</param>
    public static string? ApiKey(NuGetSource source, string? apiKey)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.IsRemote && string.IsNullOrWhiteSpace(apiKey)
            ? $"--nuget-api-key is required to push to {source}: pass it or set NUGET_API_KEY."
            : null;
    }
}
