using System.Runtime.CompilerServices;
using Kiln.Versioning;
using Kiln.Versioning.Output;

namespace Kiln.Components;

/// <summary>The version of each build instance: computed on first use, then shared by every target of the run.</summary>
internal static class GitVersionCache
{
    private static readonly ConditionalWeakTable<object, Task<VersionVariables>> Versions = new();

    /// <summary>
    /// The build's version, computing it when this is the first use; a failure stays the answer for this build. Keyed by
    /// the build instance, so that <c>[GitVersion]</c> and <see cref="IHazGitVersion.Version"/> share one computation.
    /// </summary>
    public static Task<VersionVariables> GetAsync(object build, CancellationToken cancellationToken) =>
        Versions.GetValue(build, _ => CalculateAsync(cancellationToken));

    // Kiln.Versioning stands alone, with an exception of its own; its messages already name the problem and the fix,
    // so the engine shows them as its own: one line, without the type's name.
    private static async Task<VersionVariables> CalculateAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await Versioning.GitVersion.CalculateAsync(KilnBuild.RootDirectory, environment: KilnBuild.EnvironmentVariables, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (VersioningException exception)
        {
            throw new KilnException(exception.Message, exception);
        }
    }

    /// <summary>The build's version; it blocks only when no target computed it yet (the Version target does it asynchronously).</summary>
    public static VersionVariables Get(IHazGitVersion build) =>
        GetAsync(build, KilnBuild.CancellationToken).GetAwaiter().GetResult();
}
