namespace Kiln.GitHubActions;

/// <summary>How a target's job looks in generated workflows. Put it on the <see cref="Target"/> property.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class GitHubActionsJobAttribute : Attribute
{
    /// <summary>Runs the target in a job of its own even when it is not invoked.</summary>
    public bool OwnJob { get; set; }

    /// <summary>
    /// The target prepares the machine (restores packages, compiles): work that lives only on the runner that did it.
    /// A job whose plan includes it does it again on its own fresh runner, unless the job downloads its artifacts;
    /// other targets that needed jobs already did are skipped.
    /// </summary>
    public bool PreparesRunner { get; set; }

    /// <summary>Permissions beyond <c>contents: read</c>, as "id-token: write" or "contents: write".</summary>
    public string[] Permissions { get; set; } = [];

    /// <summary>The deployment environment the job runs in (its protection rules, such as approvals, gate the job).</summary>
    public string? Environment { get; set; }

    /// <summary>The environment's URL, shown on the deployment.</summary>
    public string? EnvironmentUrl { get; set; }

    /// <summary>Minutes before the job is cancelled; the workflow's default when 0.</summary>
    public int TimeoutMinutes { get; set; }

    /// <summary>
    /// The git refs whose runs include the job, as "refs/heads/main" or "refs/heads/release/*" (a trailing * matches
    /// the rest); runs of other refs and pull requests skip it. Every ref when empty.
    /// </summary>
    public string[] OnlyOnRefs { get; set; } = [];
}
