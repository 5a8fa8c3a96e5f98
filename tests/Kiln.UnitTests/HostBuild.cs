using Kiln;
using Kiln.GitHubActions;

// Outside the Kiln namespaces, as a user's build is: here `GitHubActions` names the host class, not the namespace.
namespace HostSamples;

/// <summary>A build that branches on its host the way a NUKE build does.</summary>
internal sealed class HostBuild : KilnBuild
{
    public Target Describe => _ => _.Executes(() => Log.Information(Host switch
    {
        GitHubActions => $"GitHub Actions run {GitHubActions.Instance!.RunNumber} of {GitHubActions.Instance.Repository} at {GitHubActions.Instance.Ref}",
        Terminal => "terminal",
        _ => "unknown host",
    }));
}
