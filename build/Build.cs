using Kiln;
using Kiln.Components;
using Kiln.GitHubActions;
using Kiln.Tooling;

/// <summary>Kiln builds itself: restore, version, compile, the test tiers (Build.Test.cs), pack (the default) and publish (Build.Publish.cs).</summary>
partial class Build : KilnBuild, IHazGitVersion, IReport
{
    public static int Main() => Execute<Build>(x => x.Pack);

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
        .DependentFor<IScan>(x => x.Scan)
        .Executes(() => DotNet.BuildAsync(new()
        {
            Project = Solution,
            Configuration = Configuration.ToString(),
            NoRestore = SucceededTargets.Contains(nameof(Restore)),
            Properties = VersionProperties,
        }));

    Target Pack => _ => _
        .Description("Packs every project under src/ into artifacts/packages once the tests and the scan pass: .nupkg and .snupkg, versioned, with SourceLink in Release.")
        .DependsOn(Compile, Test)
        .DependsOn<IScan>(x => x.Scan)
        .Produces("artifacts/packages/*.nupkg", "artifacts/packages/*.snupkg")
        .Executes(async cancellationToken =>
        {
            // Only this version's packages, so that Produces and Publish hand on nothing stale.
            Directory.CreateDirectory(PackagesDirectory);
            foreach (var package in Directory.EnumerateFiles(PackagesDirectory, "*.*nupkg"))
            {
                File.Delete(package);
            }

            // The zip entries carry the commit's time rather than the clock's, so the same commit packs to the same
            // bytes; on CI the build also maps source paths to /_/ (ContinuousIntegrationBuild), which needs a
            // build of its own: the tests ran on the ordinary one, since coverage needs the local source paths.
            var properties = new Dictionary<string, string>(VersionProperties)
            {
                ["DeterministicTimestamp"] = await CommitTimestampAsync(cancellationToken),
            };
            if (IsServerBuild)
            {
                properties["ContinuousIntegrationBuild"] = "true";
            }

            await DotNet.PackAsync(new()
            {
                Project = Solution,
                Configuration = Configuration.ToString(),
                NoBuild = SucceededTargets.Contains(nameof(Compile)) && !IsServerBuild,
                NoRestore = SucceededTargets.Contains(nameof(Restore)),
                OutputDirectory = PackagesDirectory,
                Properties = properties,
            }, cancellationToken);
            ReportSummary($"{Directory.EnumerateFiles(PackagesDirectory, "*.nupkg").Count()} packages, {((IHazGitVersion)this).Versions.SemVer}");
        });

    /// <summary>HEAD's commit time in seconds since the Unix epoch, as NuGet's DeterministicTimestamp takes it.</summary>
    static async Task<string> CommitTimestampAsync(CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync(
            new ToolCommand("git", ["log", "-1", "--format=%ct", "HEAD"]) { WorkingDirectory = RootDirectory, EchoOutput = false },
            cancellationToken);
        return result.StandardOutput.Single().Trim();
    }

    /// <summary>The version the Version target computed, as the MSBuild properties that stamp assemblies and packages.</summary>
    IReadOnlyDictionary<string, string> VersionProperties => ((IHazGitVersion)this).Versions.ToMSBuildProperties();
}
