namespace Kiln.Components;

/// <summary>
/// Edges to targets of components the build may not implement: Pack waits for Test and Scan when the build has them,
/// and is still a Pack without them.
/// </summary>
internal static class ComponentEdges
{
    public static ITargetDefinition DependsOnIfImplemented<T>(this ITargetDefinition target, object build, Func<T, Target> dependency)
        where T : class =>
        build is T ? target.DependsOn(dependency) : target;

    public static ITargetDefinition ConsumesIfImplemented<T>(this ITargetDefinition target, object build, Func<T, Target> producer)
        where T : class =>
        build is T ? target.Consumes(producer) : target;
}
