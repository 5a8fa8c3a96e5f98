using System.Reflection;
using Kiln.Injection;

namespace Kiln.Components;

/// <summary>
/// Injects HEAD's <see cref="GitVersion"/>: <c>[GitVersion] readonly GitVersion GitVersion;</c>. Kiln.Versioning
/// computes it in-process from git history and <c>GitVersion.yml</c>, without GitVersion.Tool; a build that is also an
/// <see cref="IHazGitVersion"/> shares the one computation with its Version target.
/// </summary>
public sealed class GitVersionAttribute : ValueInjectionAttribute
{
    /// <summary>Accepted for NUKE builds, without effect: no GitVersion.Tool runs, so there is no framework to choose.</summary>
    public string? Framework { get; set; }

    /// <summary>Accepted for NUKE builds, without effect: the version is read from the local repository and never fetches.</summary>
    public bool NoFetch { get; set; }

    /// <inheritdoc/>
    /// <exception cref="KilnException">Not a repository, a shallow clone, no commits, or a bad GitVersion.yml.</exception>
    public override object? GetValue(MemberInfo member, KilnBuild build) =>
        new GitVersion(GitVersionCache.GetAsync(build, CancellationToken.None).GetAwaiter().GetResult());
}
