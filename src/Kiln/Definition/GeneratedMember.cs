using System.Reflection;

namespace Kiln.Definition;

/// <summary>A member the source generator named (<see cref="GeneratedBuildMembers.CheckedMember"/>), found by reflection by its name.</summary>
internal sealed record GeneratedMember(Type DeclaringType, string Name, bool IsField)
{
    private const BindingFlags Declared = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    public MemberInfo? Find() => IsField ? DeclaringType.GetField(Name, Declared) : DeclaringType.GetProperty(Name, Declared);
}
