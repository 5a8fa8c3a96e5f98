using System.Reflection;
using Kiln.Injection;
using Kiln.Parameters;
using Kiln.Planning;

namespace Kiln.Execution;

/// <summary>
/// Checks the build's <see cref="RequiredAttribute">[Required]</see> members (its own, and the properties of the
/// components it inherits) before the first target starts, so that a missing value cannot fail a build halfway.
/// </summary>
internal static class RequiredMembers
{
    /// <exception cref="KilnException">A required member has no value: the message names it and how to set it, never a value.</exception>
    public static void Check(KilnBuild build, ExecutionPlan plan, ParameterBinder binder)
    {
        if (plan.Targets.All(target => target.IsSkipped))
        {
            return;
        }

        foreach (var member in Find(build.GetType()))
        {
            if (HasValue(Read(member, build)))
            {
                continue;
            }

            var owner = member.DeclaringType!.Name;
            var parameter = binder.FindByMember(member);
            throw new KilnException(parameter is not null
                ? $"Parameter '{parameter.Name}' is required: pass {parameter.CommandLineName} <value> or set the environment variable {parameter.EnvironmentName}."
                : member.GetCustomAttribute<ValueInjectionAttribute>() is { } injection
                    ? $"{owner}.{member.Name} is required, but [{Name(injection)}] found no value for it."
                    : $"{owner}.{member.Name} is required, but nothing sets it: give it a value, or make it a [Parameter].");
        }
    }

    /// <summary>True unless the value is null, blank text or an empty collection (as for <c>Requires(() =&gt; X)</c>).</summary>
    public static bool HasValue(object? value) => value switch
    {
        null => false,
        string text => !string.IsNullOrWhiteSpace(text),
        System.Collections.ICollection collection => collection.Count > 0,
        _ => true,
    };

    private static IEnumerable<MemberInfo> Find(Type buildType) =>
        CheckedMembers.Own(buildType).Concat(CheckedMembers.Inherited(buildType)).Where(member => member.GetCustomAttribute<RequiredAttribute>() is not null);

    private static object? Read(MemberInfo member, KilnBuild build) => member switch
    {
        FieldInfo field => field.GetValue(build),
        PropertyInfo property => property.GetValue(build),
        _ => null,
    };

    private static string Name(ValueInjectionAttribute attribute)
    {
        var name = attribute.GetType().Name;
        return name.EndsWith("Attribute", StringComparison.Ordinal) ? name[..^"Attribute".Length] : name;
    }
}
