namespace Kiln.Definition;

/// <summary>
/// Why the engine's reflection over a build class is safe to trim around: the class is the <c>T</c> of
/// <see cref="KilnBuild.Execute{T}"/>, which keeps every member of it, of its base classes and of the interfaces
/// (components) it implements, whatever the trim mode of a native compile.
/// </summary>
internal static class BuildClassReflection
{
    /// <summary>The justification of the trim analysis warnings this suppresses at each place that reads a build class.</summary>
    public const string Justification =
        "The type is a build class or one of its interfaces: KilnBuild.Execute<T> annotates T with DynamicallyAccessedMembers(All), which keeps the members of the class, its base classes and its interfaces.";
}
