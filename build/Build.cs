using Kiln;
using Kiln.Components;
using Kiln.GitHubActions;
using Kiln.Tooling;

/// <summary>Kiln builds itself: restore, version, compile, pack, and the test tiers (Build.Test.cs).</summary>
partial class Build : KilnBuild, IHazGitVersion
{
    public static int Main() => Execute<Build>(x => x.Test);

    [Parameter("Configuration to build: Debug locally, Release on CI.")]
    readonly Configuration Configuration = IsLocalBuild ? Configuration.Debug : Configuration.Release;

    static AbsolutePath Solution => RootDirectory / "Solution.sln";

    static AbsolutePath ArtifactsDirectory => RootDirectory / "artifacts";

    static AbsolutePath PackagesDirectory => ArtifactsDirectory / "packages";

    [GitHubActionsJob(PreparesRunner = true)]
    Target Restore => _ => _
        .Description("Restores the NuGet packages of the solution.")
        .Executes(() => DotNet.RestoreAsync(new() { Project = Solution }));

    [GitHubActionsJob(PreparesRunner = true)]
    Target Compile => _ => _
        .Description("Compiles the solution, stamped with the version.")
        .DependsOn(Restore)
        .DependsOn<IHazGitVersion>(x => x.Version)
        .Executes(() => DotNet.BuildAsync(new()
        {
            Project = Solution,
            Configuration = Configuration.ToString(),
            NoRestore = SucceededTargets.Contains(nameof(Restore)),
            Properties = VersionProperties,
        }));

    Target Pack => _ => _
        .Description("Packs Kiln, Kiln.Versioning and the kiln-version tool into artifacts/packages.")
        .DependsOn(Compile)
        .Produces("artifacts/packages/*.nupkg")
        .Executes(() =>
        {
            // Only this version's packages, so that Produces hands on nothing stale.
            Directory.CreateDirectory(PackagesDirectory);
            foreach (var package in Directory.EnumerateFiles(PackagesDirectory, "*.nupkg"))
            {
                File.Delete(package);
            }

            return DotNet.PackAsync(new()
            {
                Project = Solution,
                Configuration = Configuration.ToString(),
                NoBuild = SucceededTargets.Contains(nameof(Compile)),
                NoRestore = SucceededTargets.Contains(nameof(Restore)),
                OutputDirectory = PackagesDirectory,
                Properties = VersionProperties,
            });
        });

    /// <summary>The version the Version target computed, as the MSBuild properties that stamp assemblies and packages.</summary>
    IReadOnlyDictionary<string, string> VersionProperties => ((IHazGitVersion)this).Versions.ToMSBuildProperties();
}
