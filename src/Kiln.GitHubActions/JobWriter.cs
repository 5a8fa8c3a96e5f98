using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Kiln.GitHubActions;

/// <summary>
/// Writes one job: its name, needs, condition, runner, permissions, timeout, environment and matrix, then its steps in the
/// order they run (setup, downloads, the target, added steps, uploads). Each section comes from its own writer.
/// </summary>
internal sealed class JobWriter(
    GitHubActionsAttribute workflow,
    PermissionsWriter permissionsWriter,
    DeploymentEnvironmentWriter environments,
    MatrixWriter matrices,
    SetupStepWriter setup,
    ArtifactStepWriter artifacts,
    TargetStepWriter target,
    AddedStepWriter addedSteps)
{
    public YamlMappingNode Write(WorkflowJob job)
    {
        var settings = JobSettings.Of(job.Target);
        var node = new YamlMappingNode { { "name", JobName(job) } };
        if (job.Needs.Count > 0)
        {
            node.Add("needs", new YamlSequenceNode(job.Needs.Select(need => (YamlNode)new YamlScalarNode(need.Id))));
        }

        if (JobCondition.Of(job, settings) is { } condition)
        {
            node.Add("if", condition);
        }

        node.Add("runs-on", job.IsCrossPlatform ? "${{ matrix.os }}" : RunnerLabel.Of(workflow.Image));
        var permissions = permissionsWriter.Write(job);
        node.Add("permissions", permissions);
        var timeout = settings?.TimeoutMinutes is > 0 ? settings.TimeoutMinutes : workflow.TimeoutMinutes;
        node.Add("timeout-minutes", timeout.ToString(CultureInfo.InvariantCulture));
        environments.AddTo(node, job, settings);
        if (job.IsMatrix)
        {
            node.Add("strategy", matrices.Write(job));
        }

        node.Add("steps", Steps(job, PermissionsWriter.Ships(job, permissions)));
        return node;
    }

    private YamlSequenceNode Steps(WorkflowJob job, bool ships)
    {
        var steps = setup.Write(ships);
        foreach (var download in artifacts.Downloads(job))
        {
            steps.Add(download);
        }

        steps.Add(target.Write(job));
        foreach (var step in addedSteps.For(job))
        {
            steps.Add(addedSteps.Write(step));
        }

        foreach (var upload in artifacts.Uploads(job))
        {
            steps.Add(upload);
        }

        return steps;
    }

    private static string JobName(WorkflowJob job)
    {
        var name = job.Target.Name;
        if (job.IsCrossPlatform)
        {
            name += " (${{ matrix.os }})";
        }

        if (job.Partitions > 1)
        {
            name += $" ${{{{ matrix.partition }}}}/{job.Partitions}";
        }

        return name;
    }
}
