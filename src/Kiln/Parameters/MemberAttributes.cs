using System.Reflection;

namespace Kiln.Parameters;

/// <summary>The engine's attributes on a build's members, looked up without reading the members' signatures.</summary>
internal static class MemberAttributes
{
    /// <summary>
    /// The attribute as <see cref="CustomAttributeExtensions.GetCustomAttribute{T}(MemberInfo)"/> finds it, on the member or
    /// on the property it overrides. That lookup reads a property's signature to match it with its base, which loads the
    /// assembly of the property's type (a component's scanner settings); a property that overrides nothing needs no match.
    /// </summary>
    public static T? Find<T>(MemberInfo member)
        where T : Attribute =>
        member is PropertyInfo property && !Overrides(property) ? property.GetCustomAttribute<T>(inherit: false) : member.GetCustomAttribute<T>();

    private static bool Overrides(PropertyInfo property) =>
        (property.GetMethod ?? property.SetMethod) is { IsVirtual: true, DeclaringType.IsInterface: false } accessor
        && (accessor.Attributes & MethodAttributes.NewSlot) == 0;
}
