using System.ComponentModel;
using Kiln.Definition;

namespace Kiln;

/// <summary>
/// The parameters and targets of one build class, listed at compile time by Kiln's source generator (shipped in the
/// Kiln package) so that a start finds them without reflecting over the class and its components. Generated code
/// registers it from a module initializer; a build never calls it. A build compiled without the generator is read by
/// reflection, with the same result.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class GeneratedBuildMembers
{
    private static readonly Dictionary<Type, Lazy<GeneratedBuildMembers>> Registered = [];

    private readonly List<GeneratedParameter> parameters = [];
    private readonly List<GeneratedTarget> targets = [];
    private readonly List<GeneratedMember> checkedMembers = [];

    private GeneratedBuildMembers(Func<object, int, object?> getParameter, Func<object, int, object?, bool> setParameter, Func<object, int, Target> getTarget)
    {
        GetParameter = getParameter;
        SetParameter = setParameter;
        GetTarget = getTarget;
    }

    /// <summary>Reads the parameter of this index (the order of <see cref="Parameter"/> calls) from a build.</summary>
    internal Func<object, int, object?> GetParameter { get; }

    /// <summary>Sets the parameter of this index on a build; false when generated code cannot (reflection then does).</summary>
    internal Func<object, int, object?, bool> SetParameter { get; }

    /// <summary>Reads the target of this index (the order of <see cref="Target"/> calls) from a build.</summary>
    internal Func<object, int, Target> GetTarget { get; }

    internal IReadOnlyList<GeneratedParameter> Parameters => parameters;

    internal IReadOnlyList<GeneratedTarget> Targets => targets;

    internal IReadOnlyList<GeneratedMember> CheckedMembers => checkedMembers;

    /// <summary>Registers the members of <paramref name="buildType"/>; <paramref name="describe"/> runs at the first start that asks.</summary>
    /// <param name="buildType">The build class.</param>
    /// <param name="describe">Calls <see cref="Parameter"/> and <see cref="Target"/> in the order reflection would find the members.</param>
    /// <param name="getParameter">Reads a parameter by its index.</param>
    /// <param name="setParameter">Sets a parameter by its index, or returns false.</param>
    /// <param name="getTarget">Reads a target by its index.</param>
    public static void Register(
        Type buildType,
        Action<GeneratedBuildMembers> describe,
        Func<object, int, object?> getParameter,
        Func<object, int, object?, bool> setParameter,
        Func<object, int, Target> getTarget)
    {
        ArgumentNullException.ThrowIfNull(buildType);
        ArgumentNullException.ThrowIfNull(describe);
        lock (Registered)
        {
            Registered[buildType] = new(() =>
            {
                var members = new GeneratedBuildMembers(getParameter, setParameter, getTarget);
                describe(members);
                return members;
            });
        }
    }

    /// <summary>A field or property marked <see cref="ParameterAttribute"/>: the build's own, or a component's the build does not implement.</summary>
    /// <param name="declaringType">The class or interface that declares the member.</param>
    /// <param name="memberName">The member's name.</param>
    /// <param name="isField">Whether the member is a field.</param>
    /// <param name="type">The member's type.</param>
    /// <param name="attribute">The member's <see cref="ParameterAttribute"/>, as its declaration gives it.</param>
    /// <param name="isSecret">Whether the member is marked <see cref="SecretAttribute"/>.</param>
    /// <param name="isRequired">Whether the member is marked <see cref="RequiredAttribute"/>.</param>
    public void Parameter(Type declaringType, string memberName, bool isField, Type type, ParameterAttribute attribute, bool isSecret, bool isRequired) =>
        parameters.Add(new GeneratedParameter(new GeneratedMember(declaringType, memberName, isField), type, attribute, isSecret, isRequired, parameters.Count));

    /// <summary>A readable <see cref="Kiln.Target"/> property of the build class or of one of its interfaces.</summary>
    /// <param name="declaringType">The class or interface that declares the property.</param>
    /// <param name="name">The property's name.</param>
    public void Target(Type declaringType, string name) => targets.Add(new GeneratedTarget(new GeneratedMember(declaringType, name, IsField: false), targets.Count));

    /// <summary>
    /// A field or property marked <see cref="RequiredAttribute"/> or with a value injection attribute: the build's own,
    /// or a component's the build does not implement. The engine reads its attributes when a run starts.
    /// </summary>
    /// <param name="declaringType">The class or interface that declares the member.</param>
    /// <param name="memberName">The member's name.</param>
    /// <param name="isField">Whether the member is a field.</param>
    public void CheckedMember(Type declaringType, string memberName, bool isField) =>
        checkedMembers.Add(new GeneratedMember(declaringType, memberName, isField));

    /// <summary>The members generated for exactly this build class, or null when it was compiled without the generator.</summary>
    internal static GeneratedBuildMembers? For(Type buildType)
    {
        Lazy<GeneratedBuildMembers>? members;
        lock (Registered)
        {
            if (!Registered.TryGetValue(buildType, out members))
            {
                return null;
            }
        }

        return members.Value;
    }
}
