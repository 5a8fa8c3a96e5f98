using Kiln.Hosts;

namespace Kiln.CommandLine;

/// <summary>Kiln's own options. They bind like build parameters, but from KILN_ environment variables.</summary>
internal sealed class EngineOptions
{
    [Parameter("Targets to run when none are named first on the command line (replaces the default).")]
    public string[]? Target { get; set; }

    [Parameter("Skips the named targets; a bare --skip skips every target that was not named.")]
    public string[]? Skip { get; set; }

    [Parameter("Runs the named targets even when they are up to date; a bare --force runs every target.")]
    public string[]? Force { get; set; }

    [Parameter("Prints the plan and writes a Mermaid graph of it to artifacts/plan.md; runs nothing.")]
    public bool Plan { get; set; }

    [Parameter("Lists the targets and parameters.")]
    public bool Help { get; set; }

    [Parameter("Loads .nuke/parameters.<profile>.json on top of parameters.json (several allowed; the last wins).")]
    public string[]? Profile { get; set; }

    [Parameter("The repository root; by default the nearest folder with a .nuke directory.")]
    public string? Root { get; set; }

    [Parameter("Regenerates .github/workflows from the [GitHubActions] attributes and exits.")]
    public bool GenerateWorkflows { get; set; }

    [Parameter("Goes on after a failed target as if every target proceeded after failure: targets that do not depend on it still run, and the run still fails.")]
    public bool Continue { get; set; }

    [Parameter("How many targets may run at the same time, when nothing orders them (default: the processor count; 1 runs them one by one in plan order).")]
    public int? MaxParallel { get; set; }

    [Parameter("The share of a partitioned target this run does, as i/n (set by generated CI jobs).")]
    public string? Partition { get; set; }

    [Parameter("How much to print: Quiet, Minimal, Normal or Verbose.")]
    public Verbosity Verbosity { get; set; } = Verbosity.Normal;
}
