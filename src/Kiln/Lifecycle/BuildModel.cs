using Kiln.Definition;
using Kiln.Parameters;
using Kiln.Planning;

namespace Kiln.Lifecycle;

/// <summary>
/// The build as its extensions see it once it is created: the build object, its root directory, its targets (with
/// their edges) and its parameters, read-only. The lifecycle events and <see cref="IGeneratesFiles"/> receive it.
/// </summary>
public sealed class BuildModel
{
    private readonly TargetGraph graph;
    private readonly Dictionary<TargetNode, BuildTarget> targets = [];

    private BuildModel(KilnBuild build, AbsolutePath rootDirectory, TargetGraph graph, IEnumerable<ParameterDescriptor> parameters)
    {
        Build = build;
        RootDirectory = rootDirectory;
        this.graph = graph;
        foreach (var node in graph.Targets)
        {
            targets[node] = new BuildTarget(node, Target);
        }

        Targets = graph.Targets.Select(Target).ToList();
        Parameters = parameters.Select(parameter => new BuildParameter(parameter)).ToList();
    }

    /// <summary>The build object.</summary>
    public KilnBuild Build { get; }

    /// <summary>The build's class, whose attributes declare what extends it.</summary>
    public Type BuildType => Build.GetType();

    /// <summary>The repository root: the directory with <c>.nuke/</c>.</summary>
    public AbsolutePath RootDirectory { get; }

    /// <summary>The build's targets in declaration order, without those its conditions leave out.</summary>
    public IReadOnlyList<BuildTarget> Targets { get; }

    /// <summary>The build's parameters (not the engine's own options).</summary>
    public IReadOnlyList<BuildParameter> Parameters { get; }

    /// <summary>The target with this name, ignoring case; null when there is none.</summary>
    public BuildTarget? Find(string name) => graph.Find(name) is { } node ? Target(node) : null;

    /// <summary>Why the build leaves out the target with this name (a tier whose projects are missing, say); null when it does not.</summary>
    public string? LeftOutReason(string name) => graph.LeftOutReason(name);

    /// <summary>
    /// The targets a run of <paramref name="invokedTargets"/> schedules, in the order it runs them, whatever the targets'
    /// conditions say (they are evaluated when the run gets there).
    /// </summary>
    /// <exception cref="KilnException">A name is not a target, or the targets form a cycle.</exception>
    public IReadOnlyList<BuildTarget> Plan(IReadOnlyList<string> invokedTargets) =>
        Planner.Plan(graph, invokedTargets, skip: null, applyConditions: false).Targets.Select(planned => Target(planned.Node)).ToList();

    internal static BuildModel Create(KilnBuild build, AbsolutePath rootDirectory, TargetGraph graph, IEnumerable<ParameterDescriptor> parameters) =>
        new(build, rootDirectory, graph, parameters);

    /// <summary>For tests: the model of a build without running it, rooted at <paramref name="rootDirectory"/>.</summary>
    internal static BuildModel Create(KilnBuild build, AbsolutePath rootDirectory) =>
        new(build, rootDirectory, TargetGraph.Create(build), ParameterDescriptor.FindIn(build));

    internal BuildTarget Target(TargetNode node) => targets.TryGetValue(node, out var target) ? target : targets[node] = new BuildTarget(node, Target);
}
