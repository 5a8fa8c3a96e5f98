using System.Reflection;
using Kiln.Definition;

namespace Kiln.Parameters;

/// <summary>The engine's attributes on a build's members, looked up without loading what the members name.</summary>
internal static class MemberAttributes
{
    /// <summary>
    /// The attribute as <see cref="CustomAttributeExtensions.GetCustomAttribute{T}(MemberInfo)"/> finds it, on the member or
    /// on the property it overrides. Reflection resolves the type of every attribute on the member to compare it (a
    /// component target's workflow attributes), and reads a property's signature to match it with its base (the types of
    /// a component's settings); a member whose metadata names no such attribute, or a property that overrides nothing,
    /// needs neither.
    /// </summary>
    public static T? Find<T>(MemberInfo member)
        where T : Attribute =>
        member is PropertyInfo property && Overrides(property) ? member.GetCustomAttribute<T>()
        : LoadedMetadata.MayHaveAttribute(member, typeof(T)) ? member.GetCustomAttribute<T>(inherit: false)
        : null;

    private static bool Overrides(PropertyInfo property) =>
        (property.GetMethod ?? property.SetMethod) is { IsVirtual: true, DeclaringType.IsInterface: false } accessor
        && (accessor.Attributes & MethodAttributes.NewSlot) == 0;
}
