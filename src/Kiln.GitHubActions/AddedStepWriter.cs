using YamlDotNet.RepresentationModel;

namespace Kiln.GitHubActions;

/// <summary>
/// Writes the steps a build adds to a job, from the attribute's own list or from [GitHubActionsStep]: an action it pins or
/// Kiln knows, or a bash command. Their permissions count toward the job's, so the permissions writer reads them here too.
/// </summary>
internal sealed class AddedStepWriter(GitHubActionsAttribute workflow, IReadOnlyList<GitHubActionsStepAttribute> addedSteps, ActionReferences actions)
{
    /// <summary>Fails when a [GitHubActionsStep] names a target the workflow has no job for.</summary>
    public void CheckTargets(IReadOnlyList<WorkflowJob> jobs)
    {
        foreach (var step in addedSteps.Where(step => !jobs.Any(job => string.Equals(job.Target.Name, step.Target, StringComparison.OrdinalIgnoreCase))))
        {
            throw new KilnException(
                $"{Origin(step)} adds a step to the job of '{step.Target}', which [GitHubActions(\"{workflow.Name}\")] has no job for: add the target to InvokedTargets, or name one of {string.Join(", ", jobs.Select(job => job.Target.Name))}.");
        }
    }

    /// <summary>The steps added to the job of <paramref name="job"/>'s target, in the order they are declared.</summary>
    public IEnumerable<GitHubActionsStepAttribute> For(WorkflowJob job) =>
        workflow.StepsAddedTo(job.Target)
            .Select(step => new GitHubActionsStepAttribute(workflow.Name, job.Target.Name, step.Name) { Uses = step.Uses, Run = step.Run, With = step.With, If = step.If, Permissions = step.Permissions })
            .Concat(addedSteps.Where(step => string.Equals(step.Target, job.Target.Name, StringComparison.OrdinalIgnoreCase)));

    public YamlMappingNode Write(GitHubActionsStepAttribute step)
    {
        var node = new YamlMappingNode { { "name", step.Name } };
        if (step.If is { } condition)
        {
            node.Add("if", condition);
        }

        switch (step.Uses, step.Run)
        {
            case ({ } action, null):
                if (action.Contains('@', StringComparison.Ordinal))
                {
                    ActionVersions.CheckReference(action, Origin(step));
                    node.Add("uses", actions.Pinned(action));
                }
                else if (ActionVersions.IsKnown(action))
                {
                    node.Add("uses", actions.Uses(action));
                }
                else
                {
                    throw new KilnException($"{Origin(step)} uses '{action}', which Kiln does not pin: pin a commit with its version, as Uses = \"{action}@<40-hex sha> # v1.2.3\".");
                }

                break;
            case (null, { } command):
                node.Add("run", command);
                node.Add("shell", "bash");
                break;
            default:
                throw new KilnException($"{Origin(step)} needs either Uses (an action) or Run (a bash command), not {(step.Uses is null ? "neither" : "both")}.");
        }

        if (step.With.Length > 0)
        {
            var with = new YamlMappingNode();
            foreach (var entry in step.With)
            {
                var parts = entry.Split(':', 2, StringSplitOptions.TrimEntries);
                if (parts.Length != 2 || parts[0].Length == 0 || step.Uses is null)
                {
                    throw new KilnException(step.Uses is null
                        ? $"{Origin(step)} has With inputs, which only an action takes: remove them, or use Uses."
                        : $"{Origin(step)} has the input '{entry}': write it as 'key: value'.");
                }

                with.Add(parts[0], parts[1]);
            }

            node.Add("with", with);
        }

        return node;
    }

    /// <summary>The attribute a step comes from, as error messages name it.</summary>
    public static string Origin(GitHubActionsStepAttribute step) => $"[GitHubActionsStep(\"{step.Workflow}\", \"{step.Target}\", \"{step.Name}\")]";
}
