namespace Kiln.Reporting;

/// <summary>An edge of the recorded plan: <see cref="From"/> runs before <see cref="To"/>.</summary>
/// <param name="From">The earlier target.</param>
/// <param name="To">The later target.</param>
/// <param name="Kind">Why: <c>dependsOn</c> (To depends on From), <c>after</c> (ordering only) or <c>triggers</c> (From triggers To).</param>
internal sealed record PlanEdge(string From, string To, string Kind)
{
    public const string DependsOn = "dependsOn";

    public const string After = "after";

    public const string Triggers = "triggers";
}
