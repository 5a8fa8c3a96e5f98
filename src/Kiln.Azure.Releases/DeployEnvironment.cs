namespace Kiln.Azure.Releases;

/// <summary>
/// An environment releases are deployed to: where its releases and pointer live (container and path prefix), which git
/// refs may deploy to it, the GitHub environment whose protection rules (approvals) gate its job, and, when it lives in
/// a storage account of its own, that account's URL.
/// </summary>
/// <param name="Name">The environment's name (lower-case: development, staging, production).</param>
/// <param name="Container">The Blob container of its releases and pointer.</param>
/// <param name="PathPrefix">Folders inside the container (empty, or as "kiln/").</param>
/// <param name="AllowedRefs">Git refs that may deploy to it, full (refs/heads/main, refs/tags/v1.2.0) with a trailing * for a prefix; "*" allows any ref.</param>
/// <param name="GitHubEnvironment">The GitHub deployment environment its CI job runs in (approvals, its own secrets and variables).</param>
public sealed record DeployEnvironment(string Name, string Container, string PathPrefix, IReadOnlyList<string> AllowedRefs, string GitHubEnvironment)
{
    /// <summary>Whether a deploy from a developer's machine (not CI) needs explicit consent (--allow-local-production).</summary>
    public bool RefusesLocalDeploys { get; init; }

    /// <summary>The storage account of this environment (https://account.blob.core.windows.net), when it is not the one the deploy's parameters name.</summary>
    public Uri? StorageAccountUrl { get; init; }

    /// <summary>Whether the ref may deploy here.</summary>
    public bool Allows(string gitRef) => AllowedRefs.Any(pattern => GitRefPattern.Matches(pattern, gitRef));

    /// <summary>
    /// Why the ref may not deploy here from this machine, in one line with the way out; null when it may.
    /// </summary>
    /// <param name="gitRef">The ref being deployed (refs/heads/..., refs/tags/...).</param>
    /// <param name="isLocalBuild">Whether the deploy runs on a developer's machine rather than CI.</param>
    /// <param name="allowLocalProduction">Whether the user consented to deploy from this machine (--allow-local-production).</param>
    public string? Refusal(string gitRef, bool isLocalBuild, bool allowLocalProduction)
    {
        ArgumentNullException.ThrowIfNull(gitRef);
        if (!Allows(gitRef))
        {
            return $"'{Name}' does not take {gitRef}: it takes {string.Join(", ", AllowedRefs)}; deploy from one of those (or to development, which takes any ref).";
        }

        if (RefusesLocalDeploys && isLocalBuild && !allowLocalProduction)
        {
            return $"'{Name}' is deployed by CI (the {GitHubEnvironment} environment's approvals gate it), not from a local machine: push the tag and let the release workflow do it, or pass --allow-local-production if you really mean to.";
        }

        return null;
    }
}
