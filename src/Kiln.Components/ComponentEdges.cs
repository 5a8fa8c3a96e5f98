namespace Kiln.Components;

/// <summary>
/// Edges to targets of components the build may not implement: Publish and Deploy depend on Test and Scan when the build
/// has them, and are still a Publish and a Deploy without them; Pack runs after them when they run too.
/// </summary>
internal static class ComponentEdges
{
    public static ITargetDefinition DependsOnIfImplemented<T>(this ITargetDefinition target, object build, Func<T, Target> dependency)
        where T : class =>
        build is T ? target.DependsOn(dependency) : target;

    public static ITargetDefinition AfterIfImplemented<T>(this ITargetDefinition target, object build, Func<T, Target> predecessor)
        where T : class =>
        build is T ? target.After(predecessor) : target;

    public static ITargetDefinition ConsumesIfImplemented<T>(this ITargetDefinition target, object build, Func<T, Target> producer)
        where T : class =>
        build is T ? target.Consumes(producer) : target;
}
