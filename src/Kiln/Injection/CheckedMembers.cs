using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Kiln.Definition;

namespace Kiln.Injection;

/// <summary>
/// The members a run fills or checks before its targets start (<see cref="ValueInjector"/>, <c>RequiredMembers</c>):
/// as the source generator named them for the build class, or every member by reflection for a build compiled
/// without it. Callers read the attributes themselves.
/// </summary>
internal static class CheckedMembers
{
    private const BindingFlags Declared = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    /// <summary>The build class's own fields and properties: base classes first, fields before properties, each as declared.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = BuildClassReflection.Justification)]
    public static IEnumerable<MemberInfo> Own(Type buildType)
    {
        if (GeneratedBuildMembers.For(buildType) is { } generated)
        {
            return generated.CheckedMembers.Where(member => !member.DeclaringType.IsInterface).Select(member => member.Find()).OfType<MemberInfo>();
        }

        var hierarchy = new List<Type>();
        for (var type = buildType; type is not null && type != typeof(KilnBuild); type = type.BaseType)
        {
            hierarchy.Insert(0, type);
        }

        return hierarchy.SelectMany(type => type.GetFields(Declared).Cast<MemberInfo>().Concat(type.GetProperties(Declared)).OrderBy(member => member.MetadataToken));
    }

    /// <summary>The component properties the build keeps the default implementation of, in <see cref="ComponentMembers.Inherited"/>'s order.</summary>
    public static IEnumerable<PropertyInfo> Inherited(Type buildType)
    {
        if (GeneratedBuildMembers.For(buildType) is not { } generated)
        {
            return ComponentMembers.Inherited(buildType);
        }

        return GeneratedMember.ClassThenInterfaces(generated.CheckedMembers.Where(member => member.DeclaringType.IsInterface), member => member, ComponentMembers.OrderedInterfaces(buildType))
            .Select(member => member.Find()).OfType<PropertyInfo>();
    }
}
