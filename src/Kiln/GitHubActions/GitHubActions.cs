using System.Globalization;

namespace Kiln.GitHubActions;

/// <summary>
/// The <see cref="KilnBuild.Host"/> of a build that GitHub Actions runs (GITHUB_ACTIONS=true), with the run's values
/// from the GITHUB_* variables of <see cref="KilnBuild.EnvironmentVariables"/>. A value the runner did not set is null
/// (0 for the numbers).
/// </summary>
public sealed class GitHubActions : Host
{
    internal GitHubActions(IReadOnlyDictionary<string, string> environment)
    {
        string? Value(string name) => environment.GetValueOrDefault(name) is { Length: > 0 } value ? value : null;
        long Number(string name) => long.TryParse(Value(name), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 0;

        Workflow = Value("GITHUB_WORKFLOW");
        Job = Value("GITHUB_JOB");
        Action = Value("GITHUB_ACTION");
        Actor = Value("GITHUB_ACTOR");
        Repository = Value("GITHUB_REPOSITORY");
        RepositoryOwner = Value("GITHUB_REPOSITORY_OWNER");
        EventName = Value("GITHUB_EVENT_NAME");
        EventPath = Value("GITHUB_EVENT_PATH");
        Workspace = Value("GITHUB_WORKSPACE");
        Sha = Value("GITHUB_SHA");
        Ref = Value("GITHUB_REF");
        RefName = Value("GITHUB_REF_NAME");
        HeadRef = Value("GITHUB_HEAD_REF");
        BaseRef = Value("GITHUB_BASE_REF");
        ServerUrl = Value("GITHUB_SERVER_URL");
        RunId = Number("GITHUB_RUN_ID");
        RunNumber = Number("GITHUB_RUN_NUMBER");
        RunAttempt = Number("GITHUB_RUN_ATTEMPT");
    }

    /// <summary>The build's host when GitHub Actions runs it; null elsewhere.</summary>
    public static GitHubActions? Instance => KilnBuild.Host as GitHubActions;

    /// <summary>The workflow's name (GITHUB_WORKFLOW).</summary>
    public string? Workflow { get; }

    /// <summary>The id of the running job in the workflow file (GITHUB_JOB).</summary>
    public string? Job { get; }

    /// <summary>The id of the running step (GITHUB_ACTION).</summary>
    public string? Action { get; }

    /// <summary>Who started the run, as <c>octocat</c> (GITHUB_ACTOR).</summary>
    public string? Actor { get; }

    /// <summary>Owner and name, as <c>octocat/hello-world</c> (GITHUB_REPOSITORY).</summary>
    public string? Repository { get; }

    /// <summary>The repository's owner (GITHUB_REPOSITORY_OWNER).</summary>
    public string? RepositoryOwner { get; }

    /// <summary>The event that started the run, as <c>push</c> or <c>pull_request</c> (GITHUB_EVENT_NAME).</summary>
    public string? EventName { get; }

    /// <summary>The file with the event's JSON payload (GITHUB_EVENT_PATH).</summary>
    public string? EventPath { get; }

    /// <summary>The folder the repository is checked out in (GITHUB_WORKSPACE).</summary>
    public string? Workspace { get; }

    /// <summary>The commit the run builds (GITHUB_SHA).</summary>
    public string? Sha { get; }

    /// <summary>The full ref, as <c>refs/heads/main</c> or <c>refs/pull/7/merge</c> (GITHUB_REF).</summary>
    public string? Ref { get; }

    /// <summary>The short ref, as <c>main</c> or <c>7/merge</c> (GITHUB_REF_NAME).</summary>
    public string? RefName { get; }

    /// <summary>The pull request's source branch; pull request runs only (GITHUB_HEAD_REF).</summary>
    public string? HeadRef { get; }

    /// <summary>The pull request's target branch; pull request runs only (GITHUB_BASE_REF).</summary>
    public string? BaseRef { get; }

    /// <summary>The GitHub server, as <c>https://github.com</c> (GITHUB_SERVER_URL).</summary>
    public string? ServerUrl { get; }

    /// <summary>The run's unique id, the same for every re-run (GITHUB_RUN_ID).</summary>
    public long RunId { get; }

    /// <summary>The run's number among the workflow's runs, from 1 (GITHUB_RUN_NUMBER).</summary>
    public long RunNumber { get; }

    /// <summary>Which attempt of the run this is, from 1 (GITHUB_RUN_ATTEMPT).</summary>
    public long RunAttempt { get; }

    /// <summary>True when a pull request started the run.</summary>
    public bool IsPullRequest => EventName is "pull_request" or "pull_request_target";
}
