using System.Globalization;
using System.Text;
using Kiln.Components;
using Kiln.Execution;
using Kiln.IntegrationTests.Versioning;

namespace Kiln.IntegrationTests.Components;

/// <summary>[GitVersion] injected into a build run in-process over a scratch repository with real git.</summary>
[Collection(InProcessRuns.Name)]
public sealed class GitVersionInjectionTests : IDisposable
{
    private readonly ScratchRepository repository = new();

    public void Dispose() => repository.Dispose();

    [Fact]
    public async Task An_injected_GitVersion_has_NUKEs_names_with_the_calculated_values()
    {
        await repository.RunScriptAsync("""
            git init --quiet --initial-branch=main
            git commit --quiet --allow-empty -m "first"
            git tag 1.0.0
            git checkout --quiet -b feature/login
            git commit --quiet --allow-empty -m "second"
            git commit --quiet --allow-empty -m "third"
            """);
        var (exitCode, output, build) = await RunAsync(new InjectedBuild());

        Assert.True(exitCode == 0, output);
        var version = build.GitVersion!;
        Assert.Equal((1, 0, 1), (version.Major, version.Minor, version.Patch));
        Assert.Equal("1.0.1-login.1+2", version.FullSemVer);
        Assert.Equal("1.0.1-login.1", version.SemVer);
        Assert.Equal("login.1", version.PreReleaseTag);
        Assert.Equal("login", version.PreReleaseLabel);
        Assert.Equal("1.0.1-login0001", version.NuGetVersionV2);
        Assert.Equal(version.NuGetVersionV2, version.NuGetVersion);
        Assert.Equal("1.0.1-login1", version.LegacySemVer);
        Assert.Equal("1.0.1.0", version.AssemblySemVer);
        Assert.Equal("1.0.1.0", version.AssemblySemFileVer);
        Assert.Equal("feature/login", version.BranchName);
        Assert.Equal(await repository.HeadAsync(), version.Sha);
        Assert.Equal(2, version.CommitsSinceVersionSource);
        Assert.StartsWith("1.0.1-login.1+2.Branch.feature-login.Sha.", version.InformationalVersion, StringComparison.Ordinal);
        Assert.Equal("1.0.1-login.1+2", build.SeenByTarget);
    }

    [Theory]
    [InlineData("feature/v2", "1.0.1-v2-0001")]
    [InlineData("feature/abc-def-ghi-jkl-mno-pqr", "1.0.1-abcdefghijklmnop0001")]
    [InlineData("feature/Login", "1.0.1-login0001")]
    public async Task NuGetVersionV2_is_GitVersion_5s_legacy_padded_tag(string branch, string expected)
    {
        await repository.RunScriptAsync($$"""
            git init --quiet --initial-branch=main
            git commit --quiet --allow-empty -m "first"
            git tag 1.0.0
            git checkout --quiet -b {{branch}}
            git commit --quiet --allow-empty -m "second"
            """);
        var (exitCode, output, build) = await RunAsync(new InjectedBuild());

        Assert.True(exitCode == 0, output);
        Assert.Equal(expected, build.GitVersion!.NuGetVersionV2);
    }

    [Fact]
    public async Task An_injected_GitVersion_on_a_tag_is_the_release_and_shares_the_Version_targets_computation()
    {
        await repository.RunScriptAsync("""
            git init --quiet --initial-branch=main
            git commit --quiet --allow-empty -m "first"
            git tag 2.3.4
            """);
        var (exitCode, output, build) = await RunAsync(new SharedBuild(), "Version");

        Assert.True(exitCode == 0, output);
        Assert.Equal("2.3.4", build.GitVersion!.NuGetVersionV2);
        Assert.Equal(string.Empty, build.GitVersion.NuGetPreReleaseTagV2);
        Assert.Equal(0, build.GitVersion.CommitsSinceVersionSource);
        Assert.Same(((IHazGitVersion)build).Versions, build.GitVersion.Variables);
    }

    [Fact]
    public async Task An_injected_GitVersion_outside_a_repository_stops_the_run_before_any_target()
    {
        var (exitCode, output, build) = await RunAsync(new InjectedBuild());

        Assert.NotEqual(0, exitCode);
        Assert.Null(build.SeenByTarget);
        Assert.DoesNotContain("Exception", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GitVersion_and_GitRepository_are_injected_into_a_components_properties_as_NUKEs_TryGetValue_reads_them()
    {
        await repository.RunScriptAsync("""
            git init --quiet --initial-branch=main
            git commit --quiet --allow-empty -m "first"
            git tag 1.2.0
            git commit --quiet --allow-empty -m "second"
            """);
        var (exitCode, output, build) = await RunAsync(new ComponentBuild());

        Assert.True(exitCode == 0, output);
        Assert.StartsWith("main 1.2.1", build.SeenByTarget, StringComparison.Ordinal);
    }

    private async Task<(int ExitCode, string Output, T Build)> RunAsync<T>(T build, string target = "Print")
        where T : KilnBuild
    {
        Directory.CreateDirectory(Path.Combine(repository.Folder, ".nuke"));
        using var output = new StringWriter(new StringBuilder(), CultureInfo.InvariantCulture);
        var exitCode = await BuildRunner.RunAsync(
            () => build,
            [],
            [target, "--root", repository.Folder],
            new Dictionary<string, string>(StringComparer.Ordinal) { ["HOME"] = Path.GetTempPath() },
            output,
            installSignalHandlers: false);
        return (exitCode, output.ToString(), build);
    }

    private sealed class InjectedBuild : KilnBuild
    {
        [GitVersion(Framework = "net8.0", NoFetch = true)]
        public readonly GitVersion? GitVersion = null;

        public string? SeenByTarget { get; private set; }

        public Target Print => _ => _
            .Executes(() => SeenByTarget = GitVersion!.FullSemVer);
    }

    private interface IHazStamp : IKilnBuild
    {
        [GitVersion]
        GitVersion GitVersion => TryGetValue(() => GitVersion)!;

        [Kiln.Git.GitRepository]
        Kiln.Git.GitRepository GitRepository => TryGetValue(() => GitRepository)!;

        string? SeenByTarget { set; }

        Target Print => _ => _
            .Executes(() => SeenByTarget = $"{GitRepository.Branch} {GitVersion.SemVer}");
    }

    private sealed class ComponentBuild : KilnBuild, IHazStamp
    {
        public string? SeenByTarget { get; set; }
    }

    private sealed class SharedBuild : KilnBuild, IHazGitVersion
    {
        [GitVersion]
        public readonly GitVersion? GitVersion = null;
    }
}
