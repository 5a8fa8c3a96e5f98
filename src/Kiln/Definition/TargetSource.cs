using System.Reflection;

namespace Kiln.Definition;

/// <summary>A target property of a build: its name, how to read its value, and the property itself when asked for.</summary>
internal sealed class TargetSource(string name, Func<Target?> read, Func<PropertyInfo?> property)
{
    public string Name { get; } = name;

    public Func<Target?> Read { get; } = read;

    public Func<PropertyInfo?> Property { get; } = property;
}
