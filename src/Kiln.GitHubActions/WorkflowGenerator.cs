using System.Reflection;
using Kiln.Lifecycle;

namespace Kiln.GitHubActions;

/// <summary>Generates the workflows the build's <see cref="GitHubActionsAttribute"/>s declare, in memory, as relative path and text.</summary>
internal static class WorkflowGenerator
{
    public const string WorkflowsFolder = ".github/workflows";

    /// <summary>
    /// Generates the workflows and, as <paramref name="mode"/> says, writes those that differ, fails on a CI server when
    /// a committed one differs (CI would not run what the build says), or only validates the attributes.
    /// </summary>
    public static void Apply(BuildModel build, GeneratedFilesMode mode)
    {
        var root = build.RootDirectory;
        var workflows = Generate(build, sdkFromGlobalJson: File.Exists(root / "global.json"));
        switch (mode)
        {
            case GeneratedFilesMode.Generate:
                var written = WorkflowDrift.Check(root, workflows, write: true);
                Log.Information($"{workflows.Count} workflow(s) generated, {written.Count} changed.");
                break;
            case GeneratedFilesMode.Update:
                WorkflowDrift.Check(root, workflows, write: true);
                break;
            case GeneratedFilesMode.Check:
                var changed = WorkflowDrift.Check(root, workflows, write: false);
                if (changed.Count > 0)
                {
                    throw new KilnException($"The committed workflows differ from what the build generates ({string.Join(", ", changed)}): run ./build.sh --generate-workflows and commit the result.");
                }

                break;
        }
    }

    /// <param name="build">The build: its class, whose attributes declare the workflows, its targets and its parameters, which jobs may import.</param>
    /// <param name="sdkFromGlobalJson">Whether jobs set up the SDK the repository's global.json pins; else the newest .NET 10.</param>
    public static IReadOnlyList<(string Path, string Text)> Generate(BuildModel build, bool sdkFromGlobalJson = true)
    {
        var buildType = build.BuildType;
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
                new WorkflowWriter(workflow, steps.Where(step => step.Workflow == workflow.Name).ToList(), build.Parameters, buildType.Name, sdkFromGlobalJson).Write(JobPlanner.Plan(build, workflow))))
            .ToList();
    }
}
