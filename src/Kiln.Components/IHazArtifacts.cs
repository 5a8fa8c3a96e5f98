namespace Kiln.Components;

/// <summary>A build that leaves its results (test results, coverage, packages, reports) in one folder, artifacts/ by default.</summary>
public interface IHazArtifacts
{
    /// <summary>Where the build's results go: artifacts/ under the root (git ignores it).</summary>
    AbsolutePath ArtifactsDirectory => KilnBuild.RootDirectory / "artifacts";
}
