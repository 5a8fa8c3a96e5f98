using Kiln.Execution;
using Kiln.Testing;

namespace Kiln.Reporting;

/// <summary>One target of a recorded run: its row of the summary table, with what it found.</summary>
internal sealed record TargetRecord
{
    public required string Name { get; init; }

    public required TargetStatus Status { get; init; }

    /// <summary>How long it ran, in seconds.</summary>
    public double DurationSeconds { get; init; }

    /// <summary>Whether the command line (or the default) named it.</summary>
    public bool Invoked { get; init; }

    /// <summary>The summary table's note, secrets masked.</summary>
    public string? Note { get; init; }

    /// <summary>The tests it ran, when it ran any.</summary>
    public TestCounts? Tests { get; init; }

    /// <summary>The line coverage, in percent, it measured.</summary>
    public double? Coverage { get; init; }
}
