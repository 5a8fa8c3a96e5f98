using Kiln.Lifecycle;

namespace Kiln.GitHubActions;

/// <summary>One job of a generated workflow: the target it runs, what it skips because needed jobs did it, and the artifacts it moves.</summary>
internal sealed class WorkflowJob(BuildTarget target, List<BuildTarget> plan)
{
    public BuildTarget Target { get; } = target;

    /// <summary>Everything invoking the target schedules, in plan order.</summary>
    public List<BuildTarget> Plan { get; } = plan;

    /// <summary>The job id: the target's name in kebab case.</summary>
    public string Id { get; } = target.KebabCaseName;

    /// <summary>The jobs that must finish first (only the nearest ones; GitHub waits for theirs in turn).</summary>
    public List<WorkflowJob> Needs { get; } = [];

    /// <summary>The targets that run in this job, in plan order.</summary>
    public List<BuildTarget> Runs { get; } = [];

    /// <summary>Targets of the plan left to other jobs (passed as --skip).</summary>
    public List<BuildTarget> Skips { get; } = [];

    /// <summary>Artifacts taken from needed jobs instead of producing them again.</summary>
    public List<(BuildTarget Producer, WorkflowJob From)> Downloads { get; } = [];

    /// <summary>Producers whose artifacts this job uploads.</summary>
    public List<BuildTarget> Uploads { get; } = [];

    /// <summary>The uploads a later job downloads: missing files there are an error, not a warning.</summary>
    public HashSet<BuildTarget> Downloaded { get; } = [];

    /// <summary>True when the job runs on every cross-platform image.</summary>
    public bool IsCrossPlatform { get; set; }

    public int Partitions => Target.PartitionSize;

    public bool IsMatrix => IsCrossPlatform || Partitions > 1;

    public override string ToString() => Id;
}
