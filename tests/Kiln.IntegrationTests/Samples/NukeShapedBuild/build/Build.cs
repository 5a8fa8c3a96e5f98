using System;
using System.Collections.Generic;
using System.Linq;
using Kiln;                                 // NUKE: using Nuke.Common; using Nuke.Common.IO; using Serilog;
using Kiln.Components;                      // NUKE: using Nuke.Common.Tools.GitVersion;
using Kiln.Git;                             // NUKE: using Nuke.Common.Git;
using Kiln.ProjectModel;                    // NUKE: using Nuke.Common.ProjectModel;
using Kiln.Tooling;                         // NUKE: using Nuke.Common.Tooling; using Nuke.Common.Tools.DotNet;
using static Kiln.Tooling.DotNetTasks;      // NUKE: using static Nuke.Common.Tools.DotNet.DotNetTasks;
using static Kiln.Tooling.GitTasks;         // NUKE: using static Nuke.Common.Tools.Git.GitTasks;

// A build as `nuke :setup` writes it and a NUKE user grows it; against a NUKE build only the using lines and the base
// class differ. The integration tests run it on a small repository (NukeShapedBuildTests).
class Build : KilnBuild
{
    public static int Main () => Execute<Build>(x => x.Pack);

    [Parameter("Configuration to build - Default is 'Debug' (local) or 'Release' (server)")]
    readonly Configuration Configuration = IsLocalBuild ? Configuration.Debug : Configuration.Release;

    [Parameter("API key of the package feed"), Secret]
    readonly string FeedApiKey;

    [Solution] readonly Solution Solution;
    [GitRepository] readonly GitRepository GitRepository;
    [GitVersion] readonly GitVersion GitVersion;

    AbsolutePath SourceDirectory => RootDirectory / "src";
    AbsolutePath TestsDirectory => RootDirectory / "tests";
    AbsolutePath ArtifactsDirectory => RootDirectory / "artifacts";
    AbsolutePath PackagesDirectory => ArtifactsDirectory / "packages";
    AbsolutePath FeedDirectory => ArtifactsDirectory / "feed";

    IEnumerable<Project> TestProjects => Solution.AllProjects.Where(x => x.Name.EndsWith(".Tests"));

    Target Clean => _ => _
        .Before(Restore)
        .Executes(() =>
        {
            SourceDirectory.GlobDirectories("**/bin", "**/obj").DeleteDirectories();
            TestsDirectory.GlobDirectories("**/bin", "**/obj").DeleteDirectories();
            ArtifactsDirectory.CreateOrCleanDirectory();
        });

    Target Restore => _ => _
        .Executes(() =>
        {
            DotNetRestore(s => s
                .SetProjectFile(Solution));
        });

    Target Compile => _ => _
        .DependsOn(Restore)
        .Executes(() =>
        {
            Log.Information("Building {Version} of {Solution} on {Branch}", GitVersion.FullSemVer, Solution.Name, GitRepository.Branch);
            DotNetBuild(s => s
                .SetProjectFile(Solution)
                .SetConfiguration(Configuration)
                .SetAssemblyVersion(GitVersion.AssemblySemVer)
                .SetFileVersion(GitVersion.AssemblySemFileVer)
                .SetInformationalVersion(GitVersion.InformationalVersion)
                .EnableNoRestore());
        });

    Target Test => _ => _
        .DependsOn(Compile)
        .Executes(() =>
        {
            DotNetTest(s => s
                .SetConfiguration(Configuration)
                .EnableNoBuild()
                .EnableNoRestore()
                .SetResultsDirectory(ArtifactsDirectory / "test-results")
                .CombineWith(TestProjects, (s, p) => s
                    .SetProjectFile(p)
                    .AddLoggers($"trx;LogFileName={p.Name}.trx")));
        });

    Target Pack => _ => _
        .DependsOn(Test)
        .Executes(() =>
        {
            DotNetPack(s => s
                .SetProject(Solution)
                .SetConfiguration(Configuration)
                .SetVersion(GitVersion.NuGetVersionV2)
                .SetOutputDirectory(PackagesDirectory)
                .EnableNoBuild()
                .EnableNoRestore());
        });

    Target Publish => _ => _
        .DependsOn(Pack)
        .Requires(() => FeedApiKey)
        .Executes(() =>
        {
            Log.Information("Publishing {Commit} from {Branch} with key {ApiKey}", GitCurrentCommit(), GitCurrentBranch(), FeedApiKey);
            FeedDirectory.CreateDirectory();
            DotNetNuGetPush(s => s
                .SetSource(FeedDirectory)
                .SetApiKey(FeedApiKey)
                .CombineWith(PackagesDirectory.GlobFiles("*.nupkg"), (s, v) => s
                    .SetTargetPath(v)));
            Git("status --short");
        });
}
