using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Kiln.Tools.FluentApiGenerator;

/// <summary>
/// NUKE's task overloads of a tool method: <c>DotNet.BuildAsync</c>, marked <c>[TaskOverloads("dotnet build")]</c>, gets
/// in <c>DotNetTasks</c> the tasks <c>DotNetBuild(settings)</c>, <c>DotNetBuild(configurator)</c>,
/// <c>DotNetBuild(combinatorial configurator, ...)</c> and <c>DotNetBuildAsync(configurator)</c>. The tool method takes
/// the settings and a cancellation token; the settings start from their parameterless constructor.
/// </summary>
internal static class TaskOverloads
{
    /// <summary>The attribute that marks a tool method for task overloads.</summary>
    public const string AttributeName = "Kiln.Tooling.TaskOverloadsAttribute";

    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat;

    /// <summary>The four overloads of the marked tool method, in the tool's *Tasks class.</summary>
    public static GeneratedMembers Of(GeneratorAttributeSyntaxContext attribute)
    {
        var method = (IMethodSymbol)attribute.TargetSymbol;
        var command = attribute.Attributes[0].ConstructorArguments.FirstOrDefault().Value as string ?? method.Name;
        var tool = method.ContainingType;
        var toolName = tool.ToDisplayString(TypeFormat);
        var run = $"{toolName}.{method.Name}";
        var task = tool.Name + (method.Name.EndsWith("Async", StringComparison.Ordinal) ? method.Name.Substring(0, method.Name.Length - "Async".Length) : method.Name);
        var settings = method.Parameters[0].Type.ToDisplayString(TypeFormat);
        const string Output = "global::System.Collections.Generic.IReadOnlyCollection<global::Kiln.Tooling.ToolOutputLine>";
        const string ThrowIfNull = "global::System.ArgumentNullException.ThrowIfNull";
        var members = $$"""
                /// <summary>Runs <c>{{command}}</c> with the settings and returns its output.</summary>
                public static {{Output}} {{task}}({{settings}}? options = null) =>
                    global::Kiln.Tooling.ToolTasks.Wait({{run}}(options ?? new()));

                /// <summary>Runs <c>{{command}}</c> with settings configured from the defaults and returns its output.</summary>
                public static {{Output}} {{task}}(global::Kiln.Tooling.Configure<{{settings}}> configurator)
                {
                    {{ThrowIfNull}}(configurator);
                    return {{task}}(configurator(new()));
                }

                /// <summary>
                /// Runs <c>{{command}}</c> once per combination the configurator returns, up to <paramref name="degreeOfParallelism"/>
                /// at a time, and returns each combination's settings and output. A failure stops starting combinations unless
                /// <paramref name="completeOnFailure"/>; either way the task then fails.
                /// </summary>
                public static global::System.Collections.Generic.IReadOnlyList<({{settings}} Settings, {{Output}} Output)> {{task}}(
                    global::Kiln.Tooling.CombinatorialConfigure<{{settings}}> configurator, int degreeOfParallelism = 1, bool completeOnFailure = false)
                {
                    {{ThrowIfNull}}(configurator);
                    return global::Kiln.Tooling.ToolTasks.RunEach(configurator(new()), {{run}}, degreeOfParallelism, completeOnFailure);
                }

                /// <summary>Runs <c>{{command}}</c> with settings configured from the defaults, without blocking a thread.</summary>
                public static async global::System.Threading.Tasks.Task<{{Output}}> {{task}}Async(
                    global::Kiln.Tooling.Configure<{{settings}}> configurator, global::System.Threading.CancellationToken cancellationToken = default)
                {
                    {{ThrowIfNull}}(configurator);
                    return (await {{run}}(configurator(new()), cancellationToken).ConfigureAwait(false)).Output;
                }

            """;
        var @namespace = tool.ContainingNamespace.ToDisplayString();
        return new GeneratedMembers(@namespace, $"{tool.Name}Tasks", null, members.Replace("\r\n", "\n"), $"{@namespace}.{tool.Name}Tasks.{task}.g.cs");
    }
}
