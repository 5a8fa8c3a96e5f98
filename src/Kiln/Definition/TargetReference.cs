namespace Kiln.Definition;

/// <summary>A reference from one target to another, resolved against the build instance once all targets are known.</summary>
internal sealed class TargetReference
{
    private readonly Func<object, Target> resolve;

    private TargetReference(Func<object, Target> resolve, string? interfaceName)
    {
        this.resolve = resolve;
        InterfaceName = interfaceName;
    }

    /// <summary>The interface the target is declared on, for the error when the build does not implement it.</summary>
    public string? InterfaceName { get; }

    public static TargetReference To(Target target) => new(_ => target, null);

    public static TargetReference To<T>(Func<T, Target> select) =>
        new(build => build is T typed
            ? select(typed)
            : throw new KilnException($"The build does not implement {typeof(T).Name}, so its targets cannot be referenced: add {typeof(T).Name} to the build class's interfaces."),
            typeof(T).Name);

    public Target Resolve(object build) => resolve(build);
}
