using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Kiln.Definition;

namespace Kiln.Injection;

/// <summary>The properties a build inherits from its components (interfaces) with their default implementation.</summary>
internal static class ComponentMembers
{
    /// <summary>
    /// Every readable interface property whose getter the build does not implement itself, base interfaces first (a
    /// base interface has fewer ancestors than those extending it, as with targets), then by declaration order.
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = BuildClassReflection.Justification)]
    [UnconditionalSuppressMessage("Trimming", "IL2072", Justification = BuildClassReflection.Justification)]
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = BuildClassReflection.Justification)]
    public static IEnumerable<PropertyInfo> Inherited(Type buildType)
    {
        ArgumentNullException.ThrowIfNull(buildType);
        foreach (var contract in OrderedInterfaces(buildType))
        {
            var map = buildType.GetInterfaceMap(contract);
            foreach (var property in contract.GetProperties().OrderBy(property => property.MetadataToken))
            {
                if (property.GetMethod is not { } getter)
                {
                    continue;
                }

                var implementation = map.TargetMethods[Array.IndexOf(map.InterfaceMethods, getter)];
                if (implementation.DeclaringType == contract)
                {
                    yield return property;
                }
            }
        }
    }

    /// <summary>The build's interfaces, base interfaces first, then by full name: the order of its component parameters.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = BuildClassReflection.Justification)]
    public static IEnumerable<Type> OrderedInterfaces(Type buildType) =>
        buildType.GetInterfaces().OrderBy(contract => contract.GetInterfaces().Length).ThenBy(contract => contract.FullName, StringComparer.Ordinal);
}
