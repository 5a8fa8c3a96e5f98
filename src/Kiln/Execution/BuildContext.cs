using Kiln.Hosts;

namespace Kiln.Execution;

/// <summary>
/// The ambient state of the running build (host, cancellation, current target), so that Log, the
/// process runner and ReportSummary work from any target or component without being passed around.
/// Held in an AsyncLocal so that concurrent builds (in tests) and concurrent targets stay apart.
/// </summary>
internal sealed class BuildContext(OutputHost host, CancellationToken cancellation)
{
    private static readonly AsyncLocal<BuildContext?> CurrentContext = new();
    private static readonly AsyncLocal<TargetResult?> CurrentTargetResult = new();
    private static readonly AsyncLocal<CancellationToken?> CurrentTargetCancellation = new();
    private static readonly Lazy<BuildContext> Fallback = new(() =>
        new BuildContext(new ConsoleHost(Console.Out, new SecretMasker(), useColors: false), CancellationToken.None));

    public static BuildContext Current
    {
        get => CurrentContext.Value ?? Fallback.Value;
        set => CurrentContext.Value = value;
    }

    /// <summary>The result row of the target whose action is running, if any.</summary>
    public static TargetResult? CurrentTarget
    {
        get => CurrentTargetResult.Value;
        set => CurrentTargetResult.Value = value;
    }

    public OutputHost Host { get; } = host;

    /// <summary>The share of partitioned work this run does.</summary>
    public Partition Partition { get; init; } = Partition.Whole;

    /// <summary>The names of the targets that succeeded so far.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, bool> SucceededTargetSet { get; } = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<string> SucceededTargets => SucceededTargetSet.Keys.ToList();

    /// <summary>
    /// Inside a target, that target's token: cancelled on Ctrl-C or when a sibling running at the same time fails.
    /// Elsewhere the build's token, cancelled on Ctrl-C. Tools started through the process runner are killed with it.
    /// </summary>
    public CancellationToken Cancellation => CurrentTargetCancellation.Value ?? cancellation;

    /// <summary>Set by the executor around a target's actions; flows into everything the target starts.</summary>
    public static void SetTargetCancellation(CancellationToken? token) => CurrentTargetCancellation.Value = token;
}
