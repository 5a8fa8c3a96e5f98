using System.Reflection;
using Kiln.Lifecycle;

namespace Kiln.GitHubActions;

/// <summary>Reads the <see cref="GitHubActionsJobAttribute"/> of a target, from its property (or the interface member it implements).</summary>
internal static class JobSettings
{
    public static GitHubActionsJobAttribute? Of(BuildTarget node) => node.Property?.GetCustomAttribute<GitHubActionsJobAttribute>();
}
