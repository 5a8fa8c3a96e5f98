using Kiln.Git;

namespace Kiln.UnitTests.Git;

public class GitRepositoryTests
{
    [Theory]
    [InlineData("main", true, false, false, false)]
    [InlineData("Master", true, false, false, false)]
    [InlineData("develop", false, true, false, false)]
    [InlineData("dev", false, true, false, false)]
    [InlineData("release/1.2", false, false, true, false)]
    [InlineData("releases/2026-12", false, false, true, false)]
    [InlineData("hotfix/crash", false, false, false, true)]
    [InlineData("feature/login", false, false, false, false)]
    [InlineData("mainline", false, false, false, false)]
    public void Branch_predicates_follow_the_git_flow_names(string branch, bool mainOrMaster, bool develop, bool release, bool hotfix)
    {
        var repository = Repository(branch);

        Assert.Equal(
            (mainOrMaster, develop, release, hotfix),
            (repository.IsOnMainOrMasterBranch(), repository.IsOnDevelopBranch(), repository.IsOnReleaseBranch(), repository.IsOnHotfixBranch()));
    }

    [Fact]
    public void Branch_predicates_are_false_without_a_branch()
    {
        var repository = Repository(branch: null);

        Assert.False(repository.IsOnMainOrMasterBranch() || repository.IsOnDevelopBranch() || repository.IsOnFeatureBranch() || repository.IsOnReleaseBranch() || repository.IsOnHotfixBranch());
    }

    [Theory]
    [InlineData("https://github.com/kiln-build/kiln.git")]
    [InlineData("https://github.com/kiln-build/kiln")]
    [InlineData("git@github.com:kiln-build/kiln.git")]
    [InlineData("ssh://git@github.com/kiln-build/kiln.git")]
    public void Remote_urls_of_every_form_give_the_same_https_and_ssh_urls(string url)
    {
        var repository = Repository("main", url);

        Assert.Equal("github.com", repository.Endpoint);
        Assert.Equal("kiln-build/kiln", repository.Identifier);
        Assert.Equal("https://github.com/kiln-build/kiln", repository.HttpsUrl);
        Assert.Equal("git@github.com:kiln-build/kiln.git", repository.SshUrl);
        Assert.True(repository.IsGitHubRepository());
    }

    [Theory]
    [InlineData("/srv/git/kiln.git")]
    [InlineData("../kiln")]
    [InlineData(null)]
    public void A_local_remote_or_none_has_no_urls(string? url)
    {
        var repository = Repository("main", url);

        Assert.Null(repository.HttpsUrl);
        Assert.Null(repository.Endpoint);
        Assert.False(repository.IsGitHubRepository());
    }

    [Theory]
    [InlineData("refs/pull/7/merge", "feature/login", "feature/login")]
    [InlineData("refs/heads/release/1.2", "", "release/1.2")]
    [InlineData("refs/tags/v1.0.0", "", null)]
    public void A_detached_head_on_GitHub_Actions_takes_the_branch_GitHub_names(string reference, string headReference, string? expected)
    {
        var environment = new Dictionary<string, string> { ["GITHUB_REF"] = reference, ["GITHUB_HEAD_REF"] = headReference };

        Assert.Equal(expected, GitRepository.BranchFromEnvironment(environment));
    }

    private static GitRepository Repository(string? branch, string? remoteUrl = null) =>
        new(AbsolutePath.Create("/repo"), branch, "0123456789abcdef0123456789abcdef01234567", [], "origin", branch, remoteUrl);
}
