using Kiln.Versioning.Git;

namespace Kiln.UnitTests.Versioning;

public sealed class HeadBranchResolverTests
{
    private static readonly Dictionary<string, string> NoCi = [];

    [Fact]
    public void Outside_CI_the_checked_out_branch_is_the_branch()
    {
        Assert.Equal("feature/foo", HeadBranchResolver.Resolve("feature/foo", NoCi));
    }

    [Fact]
    public void Outside_CI_a_detached_HEAD_has_no_branch()
    {
        Assert.Null(HeadBranchResolver.Resolve(null, NoCi));
    }

    [Fact]
    public void Outside_CI_GitHub_variables_are_ignored()
    {
        var environment = new Dictionary<string, string> { ["GITHUB_REF"] = "refs/pull/2/merge", ["GITHUB_HEAD_REF"] = "feature/foo" };

        Assert.Equal("main", HeadBranchResolver.Resolve("main", environment));
    }

    [Fact]
    public void On_GitHub_Actions_a_pull_request_ref_gives_the_pull_request_branch()
    {
        var environment = GitHubActions("refs/pull/2/merge", headRef: "feature/foo");

        Assert.Equal("pull/2/merge", HeadBranchResolver.Resolve(null, environment));
    }

    [Fact]
    public void On_GitHub_Actions_a_pull_request_ref_wins_over_the_checked_out_branch()
    {
        Assert.Equal("pull/7/merge", HeadBranchResolver.Resolve("main", GitHubActions("refs/pull/7/merge")));
    }

    [Fact]
    public void On_GitHub_Actions_a_branch_ref_gives_its_short_name_on_a_detached_HEAD()
    {
        Assert.Equal("feature/foo", HeadBranchResolver.Resolve(null, GitHubActions("refs/heads/feature/foo")));
    }

    [Fact]
    public void On_GitHub_Actions_a_tag_ref_leaves_the_checked_out_branch()
    {
        Assert.Equal("main", HeadBranchResolver.Resolve("main", GitHubActions("refs/tags/1.2.0", headRef: "feature/foo")));
    }

    [Fact]
    public void On_GitHub_Actions_a_detached_HEAD_without_a_branch_ref_takes_GITHUB_HEAD_REF()
    {
        Assert.Equal("feature/foo", HeadBranchResolver.Resolve(null, GitHubActions("refs/tags/1.2.0", headRef: "feature/foo")));
    }

    [Fact]
    public void On_GitHub_Actions_a_detached_HEAD_without_any_hint_has_no_branch()
    {
        Assert.Null(HeadBranchResolver.Resolve(null, GitHubActions(githubRef: null, headRef: "")));
    }

    [Fact]
    public void GITHUB_ACTIONS_is_recognised_whatever_its_case()
    {
        var environment = new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "True", ["GITHUB_REF"] = "refs/heads/develop" };

        Assert.Equal("develop", HeadBranchResolver.Resolve(null, environment));
    }

    private static Dictionary<string, string> GitHubActions(string? githubRef, string? headRef = null)
    {
        var environment = new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true" };
        if (githubRef is not null)
        {
            environment["GITHUB_REF"] = githubRef;
        }

        if (headRef is not null)
        {
            environment["GITHUB_HEAD_REF"] = headRef;
        }

        return environment;
    }
}
