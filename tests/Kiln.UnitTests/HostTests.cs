using Kiln.Execution;
using HostSamples;
using GitHubActionsHost = Kiln.GitHubActions.GitHubActions;

namespace Kiln.UnitTests;

[Collection("Build runs")]
public sealed class HostTests : IDisposable
{
    private readonly TemporaryRoot root = new();

    public void Dispose() => root.Dispose();

    [Fact]
    public async Task Host_is_GitHubActions_when_the_builds_environment_has_GITHUB_ACTIONS_true()
    {
        var environment = TemporaryRoot.LocalEnvironment();
        environment["GITHUB_ACTIONS"] = "true";
        environment["GITHUB_RUN_NUMBER"] = "42";
        environment["GITHUB_REPOSITORY"] = "octocat/hello-world";
        environment["GITHUB_REF"] = "refs/heads/main";

        var run = await root.RunAsync(new HostBuild(), ["Describe"], environment);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("GitHub Actions run 42 of octocat/hello-world at refs/heads/main", run.Lines);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("false")]
    public async Task Host_is_Terminal_when_GITHUB_ACTIONS_is_not_true(string? githubActions)
    {
        var environment = TemporaryRoot.LocalEnvironment();
        if (githubActions is not null)
        {
            environment["GITHUB_ACTIONS"] = githubActions;
        }

        var run = await root.RunAsync(new HostBuild(), ["Describe"], environment);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("terminal", run.Lines);
    }

    [Fact]
    public async Task Host_is_Terminal_on_a_CI_server_Kiln_has_no_host_type_for()
    {
        EnvironmentSnapshot.Current = new Dictionary<string, string> { ["TF_BUILD"] = "True" };

        Assert.IsType<Terminal>(KilnBuild.Host);
        Assert.True(KilnBuild.IsServerBuild);
    }

    [Fact]
    public async Task GitHubActions_Instance_reads_the_runs_values_from_the_environment()
    {
        EnvironmentSnapshot.Current = new Dictionary<string, string>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_RUN_ID"] = "9876543210",
            ["GITHUB_RUN_NUMBER"] = "17",
            ["GITHUB_RUN_ATTEMPT"] = "2",
            ["GITHUB_REF"] = "refs/pull/7/merge",
            ["GITHUB_REF_NAME"] = "7/merge",
            ["GITHUB_HEAD_REF"] = "feature",
            ["GITHUB_BASE_REF"] = "main",
            ["GITHUB_SHA"] = "ffac537e6cbbf934b08745a378932722df287a53",
            ["GITHUB_REPOSITORY"] = "octocat/hello-world",
            ["GITHUB_REPOSITORY_OWNER"] = "octocat",
            ["GITHUB_WORKFLOW"] = "continuous",
            ["GITHUB_JOB"] = "ubuntu-latest",
            ["GITHUB_ACTION"] = "__run",
            ["GITHUB_ACTOR"] = "monalisa",
            ["GITHUB_EVENT_NAME"] = "pull_request",
            ["GITHUB_EVENT_PATH"] = "/home/runner/work/_temp/_github_workflow/event.json",
            ["GITHUB_WORKSPACE"] = "/home/runner/work/hello-world/hello-world",
            ["GITHUB_SERVER_URL"] = "https://github.com",
        };

        var actions = GitHubActionsHost.Instance;

        Assert.NotNull(actions);
        Assert.IsType<GitHubActionsHost>(KilnBuild.Host);
        Assert.Equal(9876543210, actions.RunId);
        Assert.Equal(17, actions.RunNumber);
        Assert.Equal(2, actions.RunAttempt);
        Assert.Equal("refs/pull/7/merge", actions.Ref);
        Assert.Equal("7/merge", actions.RefName);
        Assert.Equal("feature", actions.HeadRef);
        Assert.Equal("main", actions.BaseRef);
        Assert.Equal("ffac537e6cbbf934b08745a378932722df287a53", actions.Sha);
        Assert.Equal("octocat/hello-world", actions.Repository);
        Assert.Equal("octocat", actions.RepositoryOwner);
        Assert.Equal("continuous", actions.Workflow);
        Assert.Equal("ubuntu-latest", actions.Job);
        Assert.Equal("__run", actions.Action);
        Assert.Equal("monalisa", actions.Actor);
        Assert.Equal("pull_request", actions.EventName);
        Assert.True(actions.IsPullRequest);
        Assert.Equal("/home/runner/work/_temp/_github_workflow/event.json", actions.EventPath);
        Assert.Equal("/home/runner/work/hello-world/hello-world", actions.Workspace);
        Assert.Equal("https://github.com", actions.ServerUrl);
    }

    [Fact]
    public async Task GitHubActions_values_the_runner_did_not_set_are_null_and_numbers_zero()
    {
        EnvironmentSnapshot.Current = new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_HEAD_REF"] = "" };

        var actions = GitHubActionsHost.Instance;

        Assert.NotNull(actions);
        Assert.Null(actions.HeadRef);
        Assert.Null(actions.Repository);
        Assert.Equal(0, actions.RunNumber);
        Assert.False(actions.IsPullRequest);
    }

    [Fact]
    public async Task GitHubActions_Instance_is_null_when_GitHub_Actions_does_not_run_the_build()
    {
        EnvironmentSnapshot.Current = new Dictionary<string, string> { ["CI"] = "true", ["GITHUB_RUN_NUMBER"] = "17" };

        Assert.Null(GitHubActionsHost.Instance);
        Assert.IsType<Terminal>(KilnBuild.Host);
    }
}
