using System.Reflection;

namespace Kiln.Injection;

/// <summary>
/// Marks a field or property of the build whose value the engine computes and sets before the plan is made, as
/// <c>[Solution] readonly Solution Solution;</c> does. Derive from it to inject a value of your own: the engine calls
/// <see cref="GetValue"/> once per marked member, after the parameters are bound (so a parameter can steer it) and
/// before <c>OnlyWhenStatic</c> conditions are read.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public abstract class ValueInjectionAttribute : Attribute
{
    /// <summary>The value for <paramref name="member"/>, or null to leave the member as it is.</summary>
    /// <param name="member">The field or property marked with this attribute.</param>
    /// <param name="build">The build being run, to read its parameters.</param>
    /// <exception cref="KilnException">The value cannot be made; the message says why and what to change.</exception>
    public abstract object? GetValue(MemberInfo member, KilnBuild build);
}
