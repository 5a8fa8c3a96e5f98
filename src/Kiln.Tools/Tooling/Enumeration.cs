namespace Kiln.Tooling;

/// <summary>
/// A closed set of named text values that a build can extend, as NUKE's <c>Enumeration</c>: a type derives from it,
/// declares its values as static members (<c>public static Configuration Debug { get; } = new() { Value = "Debug" };</c>)
/// and, with <c>[TypeConverter(typeof(TypeConverter&lt;Configuration&gt;))]</c>, is a parameter type whose allowed
/// values are those members. Two values are equal when their types are and their texts are, ignoring case.
/// </summary>
public abstract class Enumeration : IEquatable<Enumeration>
{
    /// <summary>The text the value stands for, as tools and the command line spell it.</summary>
    public string Value { get; init; } = string.Empty;

    /// <summary>Whether two values are of one type with the same text, ignoring case.</summary>
    public static bool operator ==(Enumeration? left, Enumeration? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Whether two values differ in type or text.</summary>
    public static bool operator !=(Enumeration? left, Enumeration? right) => !(left == right);

    /// <inheritdoc/>
    public bool Equals(Enumeration? other) =>
        other is not null && other.GetType() == GetType() && string.Equals(other.Value, Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Enumeration);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>Returns <see cref="Value"/>.</summary>
    public override string ToString() => Value;
}
