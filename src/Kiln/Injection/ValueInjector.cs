using System.Reflection;

namespace Kiln.Injection;

/// <summary>
/// Sets every member of a build marked with a <see cref="ValueInjectionAttribute"/>: its fields and properties, and the
/// properties of the components it inherits (which read theirs with <see cref="IKilnBuild.TryGetValue{T}"/>) unless
/// the build implements them itself.
/// </summary>
internal static class ValueInjector
{
    public static void Inject(KilnBuild build)
    {
        foreach (var member in CheckedMembers.Own(build.GetType()))
        {
            if (member.GetCustomAttribute<ValueInjectionAttribute>() is { } attribute && attribute.GetValue(member, build) is { } value)
            {
                Set(build, member, value, attribute);
            }
        }

        foreach (var property in CheckedMembers.Inherited(build.GetType()))
        {
            if (property.GetCustomAttribute<ValueInjectionAttribute>() is { } attribute && attribute.GetValue(property, build) is { } value)
            {
                Check(property, property.PropertyType, value, attribute);
                ComponentParameters.Bind(build, property.DeclaringType!, property.Name, value);
            }
        }
    }

    private static void Set(KilnBuild build, MemberInfo member, object value, ValueInjectionAttribute attribute)
    {
        var memberType = member is FieldInfo field ? field.FieldType : ((PropertyInfo)member).PropertyType;
        Check(member, memberType, value, attribute);
        if (!MemberValue.TrySet(member, build, value))
        {
            throw new KilnException($"[{AttributeName(attribute)}] cannot set {member.DeclaringType!.Name}.{member.Name}: it is a property without a setter; make it a field.");
        }
    }

    private static void Check(MemberInfo member, Type memberType, object value, ValueInjectionAttribute attribute)
    {
        if (!memberType.IsInstanceOfType(value))
        {
            throw new KilnException($"[{AttributeName(attribute)}] gives a {value.GetType().Name}, but {member.DeclaringType!.Name}.{member.Name} is a {memberType.Name}: declare it as {value.GetType().Name}.");
        }
    }

    private static string AttributeName(ValueInjectionAttribute attribute)
    {
        var name = attribute.GetType().Name;
        return name.EndsWith("Attribute", StringComparison.Ordinal) ? name[..^"Attribute".Length] : name;
    }
}
