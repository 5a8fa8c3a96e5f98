namespace Kiln.GitHubActions;

/// <summary>
/// Adds a step to a target's job in one workflow, right after the step that runs the target: an action
/// (<see cref="Uses"/>) or a bash command (<see cref="Run"/>). The step's <see cref="Permissions"/> are given to that
/// job alone. Put it on the build class beside the <see cref="GitHubActionsAttribute"/> it names; repeat it for more
/// steps, which run in the order they are declared.
/// </summary>
/// <param name="workflow">The name of the workflow (its <see cref="GitHubActionsAttribute.Name"/>).</param>
/// <param name="target">The target whose job gets the step; the workflow must give it a job.</param>
/// <param name="name">The step's name.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class GitHubActionsStepAttribute(string workflow, string target, string name) : Attribute
{
    /// <summary>The name of the workflow the step is added to.</summary>
    public string Workflow { get; } = workflow;

    /// <summary>The target whose job gets the step.</summary>
    public string Target { get; } = target;

    /// <summary>The step's name.</summary>
    public string Name { get; } = name;

    /// <summary>
    /// The action the step runs: an action the generator pins (<c>"github/codeql-action/upload-sarif"</c>, written
    /// with its pinned commit), or <c>"owner/repo@&lt;40-hex sha&gt; # v1.2.3"</c>.
    /// </summary>
    public string? Uses { get; set; }

    /// <summary>The bash command the step runs, instead of an action.</summary>
    public string? Run { get; set; }

    /// <summary>The action's inputs, each as <c>"key: value"</c>.</summary>
    public string[] With { get; set; } = [];

    /// <summary>The step's condition, as <c>"${{ !cancelled() }}"</c>: runs even when the target failed.</summary>
    public string? If { get; set; }

    /// <summary>Permissions the step needs beyond the job's, as "security-events: write".</summary>
    public string[] Permissions { get; set; } = [];
}
