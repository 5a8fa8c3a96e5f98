using System.Reflection;
using Kiln.Injection;

namespace Kiln.Git;

/// <summary>Injects the <see cref="GitRepository"/> at the root: <c>[GitRepository] readonly GitRepository GitRepository;</c>.</summary>
public sealed class GitRepositoryAttribute : ValueInjectionAttribute
{
    /// <inheritdoc/>
    public override object? GetValue(MemberInfo member, KilnBuild build) => GitRepository.FromLocalDirectory(KilnBuild.RootDirectory);
}
