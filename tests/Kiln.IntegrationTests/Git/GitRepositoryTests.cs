using System.Globalization;
using System.Text;
using Kiln.Execution;
using Kiln.Git;
using Kiln.IntegrationTests.Versioning;

namespace Kiln.IntegrationTests.Git;

/// <summary>GitRepository read with real git from a scratch repository, and injected into a build run in-process.</summary>
[Collection(InProcessRuns.Name)]
public sealed class GitRepositoryTests : IDisposable
{
    private readonly ScratchRepository repository = new();

    public void Dispose() => repository.Dispose();

    [Fact]
    public async Task FromLocalDirectory_reads_branch_commit_tags_and_the_tracked_remote()
    {
        await repository.RunScriptAsync("""
            git init --quiet --initial-branch=main
            git commit --quiet --allow-empty -m "first"
            git checkout --quiet -b release/1.2
            git commit --quiet --allow-empty -m "second"
            git tag v1.2.0
            git tag v1.2.0-rc.1
            git remote add upstream git@github.com:kiln-build/sample.git
            git config branch.release/1.2.remote upstream
            git config branch.release/1.2.merge refs/heads/release/1.2
            """);
        Directory.CreateDirectory(Path.Combine(repository.Folder, "src"));

        var git = GitRepository.FromLocalDirectory(AbsolutePath.Create(repository.Folder) / "src");

        Assert.Equal(AbsolutePath.Create(repository.Folder), git.LocalDirectory);
        Assert.Equal("release/1.2", git.Branch);
        Assert.True(git.IsOnReleaseBranch());
        Assert.Equal(await repository.HeadAsync(), git.Commit);
        Assert.Equal(["v1.2.0", "v1.2.0-rc.1"], git.Tags);
        Assert.Equal(("upstream", "release/1.2"), (git.RemoteName, git.RemoteBranch));
        Assert.Equal("https://github.com/kiln-build/sample", git.HttpsUrl);
    }

    [Fact]
    public async Task FromLocalDirectory_before_the_first_commit_has_a_branch_and_no_commit()
    {
        await repository.RunScriptAsync("git init --quiet --initial-branch=main");

        var git = GitRepository.FromLocalDirectory(AbsolutePath.Create(repository.Folder));

        Assert.Equal("main", git.Branch);
        Assert.Null(git.Commit);
        Assert.Empty(git.Tags);
        Assert.Null(git.RemoteName);
    }

    [Fact]
    public void FromLocalDirectory_outside_a_repository_says_so()
    {
        var folder = AbsolutePath.Create(Path.GetTempPath()) / ("kiln-nogit-" + Guid.NewGuid().ToString("N"));
        folder.CreateDirectory();
        try
        {
            var exception = Assert.Throws<KilnException>(() => GitRepository.FromLocalDirectory(folder));

            Assert.Equal($"{folder} is not in a git repository: run the build in a clone, or run 'git init'.", exception.Message);
        }
        finally
        {
            folder.DeleteDirectory();
        }
    }

    [Theory]
    [InlineData("main", "Succeeded")]
    [InlineData("feature/login", "Skipped")]
    public async Task An_injected_repository_steers_OnlyWhenStatic(string branch, string expectedStatus)
    {
        await repository.RunScriptAsync($"""
            git init --quiet --initial-branch={branch}
            git commit --quiet --allow-empty -m "first"
            """);
        Directory.CreateDirectory(Path.Combine(repository.Folder, ".nuke"));
        var build = new BranchBuild();
        using var output = new StringWriter(new StringBuilder(), CultureInfo.InvariantCulture);

        var exitCode = await BuildRunner.RunAsync(
            () => build,
            [],
            ["Publish", "--root", repository.Folder],
            new Dictionary<string, string>(StringComparer.Ordinal) { ["HOME"] = Path.GetTempPath() },
            output,
            installSignalHandlers: false);

        Assert.True(exitCode == 0, output.ToString());
        Assert.Contains(output.ToString().ReplaceLineEndings("\n").Split('\n'), line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries) is ["Publish", var status, ..] && status == expectedStatus);
        Assert.Equal(branch, build.Repository?.Branch);
    }

    private sealed class BranchBuild : KilnBuild
    {
        [GitRepository]
        public readonly GitRepository? Repository = null;

        public Target Publish => _ => _
            .OnlyWhenStatic(() => Repository!.IsOnMainOrMasterBranch())
            .Executes(() => { });
    }
}
