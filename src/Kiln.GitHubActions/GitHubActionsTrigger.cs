namespace Kiln.GitHubActions;

/// <summary>The events a generated workflow runs on.</summary>
public enum GitHubActionsTrigger
{
    /// <summary>A push (branches, tags and paths from OnPush*).</summary>
    Push,

    /// <summary>A pull request (branches and paths from OnPullRequest*).</summary>
    PullRequest,

    /// <summary>A manual run, with inputs from <see cref="GitHubActionsAttribute.WorkflowDispatchInputs"/>.</summary>
    WorkflowDispatch,

    /// <summary>A schedule (<see cref="GitHubActionsAttribute.OnCronSchedule"/>).</summary>
    Schedule,

    /// <summary>A release event (<see cref="GitHubActionsAttribute.OnReleaseTypes"/>).</summary>
    Release,
}
