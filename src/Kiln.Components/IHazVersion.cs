namespace Kiln.Components;

/// <summary>
/// A build with a version, as the targets that stamp it read it. <see cref="IHazGitVersion"/> computes it from git
/// history and GitVersion.yml; a build with another source of versions implements these two members.
/// </summary>
public interface IHazVersion
{
    /// <summary>The semantic version packages and releases carry (1.2.3, 1.3.0-beta.4).</summary>
    string SemVer { get; }

    /// <summary>The version as the MSBuild properties that stamp assemblies and packages (Version, AssemblyVersion, ...).</summary>
    IReadOnlyDictionary<string, string> VersionProperties { get; }
}
