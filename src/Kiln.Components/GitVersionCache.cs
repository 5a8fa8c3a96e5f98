using System.Runtime.CompilerServices;
using Kiln.Execution;
using Kiln.Versioning;
using Kiln.Versioning.Output;

namespace Kiln.Components;

/// <summary>The version of each build instance: computed on first use, then shared by every target of the run.</summary>
internal static class GitVersionCache
{
    private static readonly ConditionalWeakTable<IHazGitVersion, Task<VersionVariables>> Versions = new();

    /// <summary>The build's version, computing it when this is the first use; a failure stays the answer for this build.</summary>
    public static Task<VersionVariables> GetAsync(IHazGitVersion build, CancellationToken cancellationToken) =>
        Versions.GetValue(build, _ => GitVersion.CalculateAsync(
            KilnBuild.RootDirectory,
            environment: EnvironmentSnapshot.Current,
            cancellationToken: cancellationToken));

    /// <summary>The build's version; it blocks only when no target computed it yet (the Version target does it asynchronously).</summary>
    public static VersionVariables Get(IHazGitVersion build) =>
        GetAsync(build, BuildContext.Current.Cancellation).GetAwaiter().GetResult();
}
