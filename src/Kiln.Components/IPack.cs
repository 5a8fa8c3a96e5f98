using Kiln.Tooling;

namespace Kiln.Components;

/// <summary>
/// Pack: the solution's packages into <see cref="PackagesDirectory"/>, versioned and deterministic, once Compile, and
/// Test and Scan when the build has them, passed.
/// </summary>
public interface IPack : ICompile, IHazArtifacts
{
    /// <summary>Where Pack leaves the .nupkg and .snupkg files: artifacts/packages.</summary>
    AbsolutePath PackagesDirectory => ArtifactsDirectory / "packages";

    /// <summary>
    /// Adjusts <c>dotnet pack</c>'s settings, which start as the solution, the configuration, the output folder, the
    /// version's properties, the commit's time as DeterministicTimestamp and ContinuousIntegrationBuild on CI.
    /// </summary>
    DotNetPackSettings PackSettings(DotNetPackSettings settings) => settings;

    /// <summary>Packs the solution; only this version's packages stay in <see cref="PackagesDirectory"/>.</summary>
    Target Pack => _ => _
        .Description("Packs the solution's packable projects into artifacts/packages once the tests and the scan pass: .nupkg and .snupkg, versioned.")
        .DependsOn<ICompile>(x => x.Compile)
        .DependsOnIfImplemented<ITest>(this, x => x.Test)
        .DependsOnIfImplemented<IScan>(this, x => x.Scan)
        .Produces(PackagesDirectory.RelativeTo(KilnBuild.RootDirectory) + "/*.nupkg", PackagesDirectory.RelativeTo(KilnBuild.RootDirectory) + "/*.snupkg")
        .Executes(cancellationToken => PackRun.RunAsync(this, cancellationToken));
}
