using System.Reflection;
using Kiln.Definition;
using Kiln.Parameters;

namespace Kiln.Lifecycle;

/// <summary>
/// A target of the build as extensions see it: its name, the property that declares it, and its edges and settings,
/// read-only. The lifecycle events and <see cref="BuildModel"/> hand these out.
/// </summary>
public sealed class BuildTarget
{
    private readonly Func<TargetNode, BuildTarget> lookUp;

    internal BuildTarget(TargetNode node, Func<TargetNode, BuildTarget> lookUp)
    {
        Node = node;
        this.lookUp = lookUp;
    }

    /// <summary>The target's name, as the command line and the summary table spell it.</summary>
    public string Name => Node.Name;

    /// <summary>The name in kebab case (<c>UnitTest</c> is <c>unit-test</c>), for identifiers in generated files.</summary>
    public string KebabCaseName => ParameterNames.ToKebabCase(Node.Name);

    /// <summary>The property that declares the target, for attributes on it; null for a target declared otherwise.</summary>
    public PropertyInfo? Property => Node.Property;

    /// <summary>The target's description, if it has one.</summary>
    public string? Description => Node.Description;

    /// <summary>The targets this one depends on: they run first whenever it runs.</summary>
    public IReadOnlyList<BuildTarget> Dependencies => Node.Dependencies.Select(lookUp).ToList();

    /// <summary>The targets whose artifacts this one consumes, with the patterns of the files it takes from each.</summary>
    public IReadOnlyList<(BuildTarget Producer, IReadOnlyList<string> Patterns)> Consumes =>
        Node.Consumes.Select(consumed => (lookUp(consumed.Producer), consumed.Patterns)).ToList();

    /// <summary>The patterns of the files the target produces (<c>Produces</c>), relative to the root directory.</summary>
    public IReadOnlyList<string> ProducedPatterns => Node.Definition.ProducedPatterns;

    /// <summary>Whether the target runs even after another failed or the build was cancelled (<c>AssuredAfterFailure</c>).</summary>
    public bool IsAssuredAfterFailure => Node.Definition.IsAssuredAfterFailure;

    /// <summary>How many parts the target's work is split into (<c>Partition</c>); 1 when it is not split.</summary>
    public int PartitionSize => Node.Definition.PartitionSize;

    internal TargetNode Node { get; }

    /// <summary>Whether the target requires a value for <paramref name="member"/> (<c>Requires(() => Member)</c>).</summary>
    public bool Requires(MemberInfo member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return Node.Definition.Requirements.Any(requirement => requirement.Members.Any(member.HasSameMetadataDefinitionAs));
    }

    /// <summary>Returns <see cref="Name"/>.</summary>
    public override string ToString() => Name;
}
