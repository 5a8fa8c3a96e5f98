using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Kiln.GitHubActions;

/// <summary>
/// Writes the steps that move artifacts between jobs: a download before the target runs for each producer a needed job
/// ran, an upload after it for each producer a later job takes.
/// </summary>
internal sealed class ArtifactStepWriter(GitHubActionsAttribute workflow, ActionReferences actions)
{
    public IEnumerable<YamlMappingNode> Downloads(WorkflowJob job)
    {
        foreach (var (producer, from) in job.Downloads)
        {
            // A cross-platform producer uploads once per image; the download takes the first image's.
            var artifact = from.IsCrossPlatform ? $"{producer.Name}-{RunnerLabel.Of(workflow.CrossPlatformImages[0])}" : producer.Name;
            yield return new YamlMappingNode
            {
                { "name", from.IsCrossPlatform ? $"Download {producer.Name} artifacts ({RunnerLabel.Of(workflow.CrossPlatformImages[0])})" : $"Download {producer.Name} artifacts" },
                { "uses", actions.Uses(ActionVersions.DownloadArtifact) },
                { "with", new YamlMappingNode { { "name", artifact }, { "path", ArtifactRoot(producer.ProducedPatterns) } } },
            };
        }
    }

    public IEnumerable<YamlMappingNode> Uploads(WorkflowJob job)
    {
        foreach (var producer in job.Uploads)
        {
            var suffix = (job.IsCrossPlatform ? "-${{ matrix.os }}" : string.Empty) + (job.Partitions > 1 ? "-${{ matrix.partition }}" : string.Empty);
            yield return new YamlMappingNode
            {
                { "name", $"Upload {producer.Name} artifacts" },
                { "if", "${{ !cancelled() }}" },
                { "uses", actions.Uses(ActionVersions.UploadArtifact) },
                {
                    "with", new YamlMappingNode
                    {
                        { "name", producer.Name + suffix },
                        { "path", new YamlScalarNode(string.Join('\n', producer.ProducedPatterns)) { Style = producer.ProducedPatterns.Count > 1 ? ScalarStyle.Literal : ScalarStyle.Any } },
                        { "if-no-files-found", job.Downloaded.Contains(producer) ? "error" : "warn" },
                    }
                },
            };
        }
    }

    /// <summary>The folder artifacts are downloaded to: upload-artifact drops the common folder of its paths, so downloading there restores them.</summary>
    internal static string ArtifactRoot(IReadOnlyList<string> patterns)
    {
        var folders = patterns.Select(pattern =>
        {
            var segments = pattern.Replace('\\', '/').Split('/');
            var fixedSegments = segments.TakeWhile(segment => segment.IndexOfAny(['*', '?', '[', '{']) < 0).ToList();
            return fixedSegments.Count == segments.Length ? fixedSegments.SkipLast(1).ToList() : fixedSegments;
        }).ToList();
        var common = folders.Count == 0 ? [] : folders.Aggregate((left, right) => left.Zip(right).TakeWhile(pair => pair.First == pair.Second).Select(pair => pair.First).ToList());
        return common.Count == 0 ? "." : string.Join('/', common);
    }
}
