using Kiln.Hosts;
using Kiln.Parameters;

namespace Kiln.CommandLine;

/// <summary>Kiln's own options. They bind like build parameters, but from KILN_ environment variables.</summary>
internal sealed class EngineOptions
{
    public string[]? Target { get; set; }

    public string[]? Skip { get; set; }

    public string[]? Force { get; set; }

    public bool Plan { get; set; }

    public bool Help { get; set; }

    public string[]? Profile { get; set; }

    public string? Root { get; set; }

    public bool GenerateWorkflows { get; set; }

    public bool Continue { get; set; }

    public int? MaxParallel { get; set; }

    public string? Partition { get; set; }

    public Verbosity Verbosity { get; set; } = Verbosity.Normal;

    /// <summary>
    /// The options as parameters, in --help's order. Written out rather than read by reflection: this runs first on
    /// every start, and needs no custom attributes or reflection invoke stubs this way (a test keeps it in step with
    /// the properties).
    /// </summary>
    public IReadOnlyList<ParameterDescriptor> Describe() =>
    [
        ParameterDescriptor.Option(this, nameof(Target), typeof(string[]), "Targets to run when none are named first on the command line (replaces the default).", () => Target, value => Target = (string[]?)value),
        ParameterDescriptor.Option(this, nameof(Skip), typeof(string[]), "Skips the named targets; a bare --skip skips every target that was not named.", () => Skip, value => Skip = (string[]?)value),
        ParameterDescriptor.Option(this, nameof(Force), typeof(string[]), "Runs the named targets even when they are up to date; a bare --force runs every target.", () => Force, value => Force = (string[]?)value),
        ParameterDescriptor.Option(this, nameof(Plan), typeof(bool), "Prints the plan and writes a Mermaid graph of it to artifacts/plan.md; runs nothing.", () => Plan, value => Plan = (bool)value!),
        ParameterDescriptor.Option(this, nameof(Help), typeof(bool), "Lists the targets and parameters.", () => Help, value => Help = (bool)value!),
        ParameterDescriptor.Option(this, nameof(Profile), typeof(string[]), "Loads .nuke/parameters.<profile>.json on top of parameters.json (several allowed; the last wins).", () => Profile, value => Profile = (string[]?)value),
        ParameterDescriptor.Option(this, nameof(Root), typeof(string), "The repository root; by default the nearest folder with a .nuke directory.", () => Root, value => Root = (string?)value),
        ParameterDescriptor.Option(this, nameof(GenerateWorkflows), typeof(bool), "Regenerates .github/workflows from the [GitHubActions] attributes and exits.", () => GenerateWorkflows, value => GenerateWorkflows = (bool)value!),
        ParameterDescriptor.Option(this, nameof(Continue), typeof(bool), "Goes on after a failed target as if every target proceeded after failure: targets that do not depend on it still run, and the run still fails.", () => Continue, value => Continue = (bool)value!),
        ParameterDescriptor.Option(this, nameof(MaxParallel), typeof(int?), "How many targets may run at the same time, when nothing orders them (default: the processor count; 1 runs them one by one in plan order).", () => MaxParallel, value => MaxParallel = (int?)value),
        ParameterDescriptor.Option(this, nameof(Partition), typeof(string), "The share of a partitioned target this run does, as i/n (set by generated CI jobs).", () => Partition, value => Partition = (string?)value),
        ParameterDescriptor.Option(this, nameof(Verbosity), typeof(Verbosity), "How much to print: Quiet, Minimal, Normal or Verbose.", () => Verbosity, value => Verbosity = (Verbosity)value!),
    ];
}
