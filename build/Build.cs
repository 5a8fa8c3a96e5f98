using Kiln;
using Kiln.GitHubActions;
using Kiln.Tooling;

/// <summary>Kiln builds itself: restore, compile, and the test tiers (Build.Test.cs).</summary>
partial class Build : KilnBuild
{
    public static int Main() => Execute<Build>(x => x.Test);

    [Parameter("Configuration to build: Debug locally, Release on CI.")]
    readonly Configuration Configuration = IsLocalBuild ? Configuration.Debug : Configuration.Release;

    static AbsolutePath Solution => RootDirectory / "Solution.sln";

    static AbsolutePath ArtifactsDirectory => RootDirectory / "artifacts";

    [GitHubActionsJob(PreparesRunner = true)]
    Target Restore => _ => _
        .Description("Restores the NuGet packages of the solution.")
        .Executes(() => DotNet.RestoreAsync(new() { Project = Solution }));

    [GitHubActionsJob(PreparesRunner = true)]
    Target Compile => _ => _
        .Description("Compiles the solution.")
        .DependsOn(Restore)
        .Executes(() => DotNet.BuildAsync(new()
        {
            Project = Solution,
            Configuration = Configuration.ToString(),
            NoRestore = SucceededTargets.Contains(nameof(Restore)),
        }));
}
