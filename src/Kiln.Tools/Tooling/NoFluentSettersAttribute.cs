using System.Diagnostics;

namespace Kiln.Tooling;

/// <summary>
/// A property of a <see cref="FluentSettersAttribute"/> record that gets no generated setters: it has none, or
/// hand-written ones with logic of their own. Compiled away: it marks the source only.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
[Conditional("KILN_FLUENT_API_GENERATOR")]
internal sealed class NoFluentSettersAttribute : Attribute;
