using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Kiln.Definition;

namespace Kiln.Injection;

/// <summary>Sets a value into a build's field or property, as parameters and injected values are set.</summary>
internal static class MemberValue
{
    /// <summary>
    /// Sets a field, or a property through its setter or, for a get-only auto-property, its compiler-generated backing
    /// field. False when the member cannot hold a value (a property without a setter or a backing field).
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = BuildClassReflection.Justification)]
    public static bool TrySet(MemberInfo member, object owner, object? value)
    {
        switch (member)
        {
            case FieldInfo field:
                field.SetValue(owner, value);
                return true;
            case PropertyInfo { SetMethod: not null } property:
                property.SetValue(owner, value);
                return true;
            case PropertyInfo property:
                var backing = property.DeclaringType?.GetField($"<{property.Name}>k__BackingField", BindingFlags.Instance | BindingFlags.NonPublic);
                backing?.SetValue(owner, value);
                return backing is not null;
            default:
                return false;
        }
    }
}
