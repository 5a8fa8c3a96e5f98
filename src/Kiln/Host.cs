namespace Kiln;

/// <summary>
/// What runs the build, as <see cref="KilnBuild.Host"/>: <see cref="Kiln.GitHubActions.GitHubActions"/> on GitHub
/// Actions, <see cref="Terminal"/> anywhere else (a developer's console, or a CI server Kiln has no type for).
/// Test it with a pattern: <c>Host is GitHubActions</c>.
/// </summary>
public abstract class Host
{
    private protected Host()
    {
    }

    internal static Host From(IReadOnlyDictionary<string, string> environment) =>
        Hosts.GitHubActionsHost.IsActive(environment) ? new GitHubActions.GitHubActions(environment) : new Terminal();
}
