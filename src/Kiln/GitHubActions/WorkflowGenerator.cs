using System.Reflection;
using Kiln.Definition;
using Kiln.Parameters;

namespace Kiln.GitHubActions;

/// <summary>Generates the workflows the build's <see cref="GitHubActionsAttribute"/>s declare, in memory, as relative path and text.</summary>
internal static class WorkflowGenerator
{
    public const string WorkflowsFolder = ".github/workflows";

    /// <param name="buildType">The build class, whose attributes declare the workflows.</param>
    /// <param name="graph">The build's targets.</param>
    /// <param name="parameters">The build's parameters, which jobs may import.</param>
    /// <param name="sdkFromGlobalJson">Whether jobs set up the SDK the repository's global.json pins; else the newest .NET 10.</param>
    public static IReadOnlyList<(string Path, string Text)> Generate(Type buildType, TargetGraph graph, IReadOnlyList<ParameterDescriptor> parameters, bool sdkFromGlobalJson = true)
    {
        var workflows = buildType.GetCustomAttributes<GitHubActionsAttribute>(inherit: true).ToList();
        var duplicate = workflows.GroupBy(workflow => workflow.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new KilnException($"Two [GitHubActions(\"{duplicate.Key}\")] attributes on {buildType.Name} would write the same file: give each workflow its own name.");
        }

        var steps = buildType.GetCustomAttributes<GitHubActionsStepAttribute>(inherit: true).ToList();
        foreach (var step in steps.Where(step => !workflows.Any(workflow => workflow.Name == step.Workflow)))
        {
            throw new KilnException(
                $"[GitHubActionsStep(\"{step.Workflow}\", \"{step.Target}\", \"{step.Name}\")] names the workflow '{step.Workflow}', which no [GitHubActions] on {buildType.Name} declares: use one of {string.Join(", ", workflows.Select(workflow => workflow.Name))}.");
        }

        return workflows
            .OrderBy(workflow => workflow.Name, StringComparer.Ordinal)
            .Select(workflow => (
                $"{WorkflowsFolder}/{workflow.Name}.yml",
                new WorkflowWriter(workflow, steps.Where(step => step.Workflow == workflow.Name).ToList(), parameters, buildType.Name, sdkFromGlobalJson).Write(JobPlanner.Plan(graph, workflow))))
            .ToList();
    }
}
