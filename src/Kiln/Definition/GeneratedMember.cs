using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace Kiln.Definition;

/// <summary>A member the source generator named (<see cref="GeneratedBuildMembers.CheckedMember"/>), found by reflection by its name.</summary>
internal sealed record GeneratedMember(Type DeclaringType, string Name, bool IsField)
{
    private const BindingFlags Declared = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = BuildClassReflection.Justification)]
    public MemberInfo? Find() => IsField ? DeclaringType.GetField(Name, Declared) : DeclaringType.GetProperty(Name, Declared);

    /// <summary>
    /// The items of the build class as listed, then those of its interfaces: the interfaces in <paramref name="interfaceOrder"/>
    /// (reflection's, which the generator cannot know), each one's items as listed.
    /// </summary>
    public static IEnumerable<T> ClassThenInterfaces<T>(IEnumerable<T> items, Func<T, GeneratedMember> member, IEnumerable<Type> interfaceOrder)
    {
        var byInterface = items.Where(item => member(item).DeclaringType.IsInterface).ToLookup(item => member(item).DeclaringType);
        var own = items.Where(item => !member(item).DeclaringType.IsInterface);
        return byInterface.Count == 0 ? own : own.Concat(interfaceOrder.SelectMany(contract => byInterface[contract]));
    }
}
