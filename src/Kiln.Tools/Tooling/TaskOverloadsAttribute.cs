using System.Diagnostics;

namespace Kiln.Tooling;

/// <summary>
/// Gives a tool method (<c>DotNet.BuildAsync</c>) NUKE's task overloads in the tool's <c>*Tasks</c> class
/// (<c>DotNetTasks.DotNetBuild</c>, with settings, a configurator, a combinatorial configurator, and async), generated
/// by Kiln.Tools.FluentApiGenerator. Compiled away: it marks the source only.
/// </summary>
/// <param name="command">The command the documentation names: <c>dotnet build</c>.</param>
[AttributeUsage(AttributeTargets.Method)]
[Conditional("KILN_FLUENT_API_GENERATOR")]
internal sealed class TaskOverloadsAttribute(string command) : Attribute
{
    /// <summary>The command the documentation names.</summary>
    public string Command { get; } = command;
}
