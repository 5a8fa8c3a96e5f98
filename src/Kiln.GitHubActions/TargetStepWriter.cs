using Kiln.Lifecycle;
using YamlDotNet.RepresentationModel;

namespace Kiln.GitHubActions;

/// <summary>Writes the step that runs the job's target: <c>./build.sh</c> with its skips and partition, and the parameters it binds.</summary>
internal sealed class TargetStepWriter(IReadOnlyList<(BuildParameter Parameter, string Value)> bindings)
{
    public YamlMappingNode Write(WorkflowJob job)
    {
        var run = new YamlMappingNode { { "name", job.Target.Name }, { "run", Command(job) }, { "shell", "bash" } };
        var environment = new YamlMappingNode();
        foreach (var (parameter, value) in bindings.Where(binding => Needs(job, binding.Parameter) || binding.Value.StartsWith("${{ inputs.", StringComparison.Ordinal)))
        {
            environment.Add(parameter.EnvironmentName, value);
        }

        if (environment.Children.Count > 0)
        {
            run.Add("env", environment);
        }

        return run;
    }

    private static string Command(WorkflowJob job)
    {
        var command = $"./build.sh {job.Target.Name}";
        if (job.Skips.Count > 0)
        {
            command += " --skip " + string.Join(' ', job.Skips.Select(skipped => skipped.Name));
        }

        if (job.Partitions > 1)
        {
            command += $" --partition ${{{{ matrix.partition }}}}/{job.Partitions}";
        }

        return command;
    }

    /// <summary>A job needs a secret or variable when a target it runs requires that parameter.</summary>
    private static bool Needs(WorkflowJob job, BuildParameter parameter) =>
        job.Runs.Any(node => node.Requires(parameter.Member));
}
