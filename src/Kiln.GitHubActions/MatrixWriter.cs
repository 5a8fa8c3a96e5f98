using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Kiln.GitHubActions;

/// <summary>Writes a matrix job's <c>strategy:</c>: one leg per cross-platform image and per partition, none cancelling the others.</summary>
internal sealed class MatrixWriter(GitHubActionsAttribute workflow)
{
    public YamlMappingNode Write(WorkflowJob job)
    {
        var matrix = new YamlMappingNode();
        if (job.IsCrossPlatform)
        {
            matrix.Add("os", new YamlSequenceNode(workflow.CrossPlatformImages.Select(image => (YamlNode)new YamlScalarNode(RunnerLabel.Of(image)))));
        }

        if (job.Partitions > 1)
        {
            matrix.Add("partition", new YamlSequenceNode(Enumerable.Range(1, job.Partitions).Select(index => (YamlNode)new YamlScalarNode(index.ToString(CultureInfo.InvariantCulture)))));
        }

        return new YamlMappingNode { { "fail-fast", "false" }, { "matrix", matrix } };
    }
}
