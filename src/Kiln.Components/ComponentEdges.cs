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

    /// <summary>
    /// What a target that ships (Publish, every deploy target) needs first: Pack's packages, with Test's and Scan's
    /// reports when the build has them. On CI the tests and the scan ran in jobs of their own: their reports are handed
    /// on, not made again.
    /// </summary>
    public static ITargetDefinition ShipsPackedOutputs(this ITargetDefinition target, object build) => target
        .DependsOn<IPack>(x => x.Pack)
        .DependsOnIfImplemented<ITest>(build, x => x.Test)
        .DependsOnIfImplemented<IScan>(build, x => x.Scan)
        .Consumes<IPack>(x => x.Pack)
        .ConsumesIfImplemented<ITest>(build, x => x.Test)
        .ConsumesIfImplemented<IScan>(build, x => x.Scan);
}
