using Kiln.Tooling;

namespace Kiln.Components;

/// <summary>
/// Pack: the solution's packages into <see cref="PackagesDirectory"/>, versioned and deterministic, once Compile passed;
/// after Test and Scan when they run too, as in NUKE's builds. Publish and Deploy depend on Test and Scan, so nothing
/// ships that was not tested and scanned.
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
        .Description("Packs the solution's packable projects into artifacts/packages: .nupkg and .snupkg, versioned; after Test and Scan when they run too.")
        .DependsOn<ICompile>(x => x.Compile)
        .AfterIfImplemented<IUnitTest>(this, x => x.UnitTest)
        .AfterIfImplemented<IIntegrationTest>(this, x => x.IntegrationTest)
        .AfterIfImplemented<ISystemTest>(this, x => x.SystemTest)
        .AfterIfImplemented<ITest>(this, x => x.Test)
        .AfterIfImplemented<IScan>(this, x => x.Scan)
        .Produces(PackagesDirectory.RelativeTo(KilnBuild.RootDirectory) + "/*.nupkg", PackagesDirectory.RelativeTo(KilnBuild.RootDirectory) + "/*.snupkg")
        .Executes(cancellationToken => PackRun.RunAsync(this, cancellationToken));
}
