using System;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace Kiln.Tools.FluentApiGenerator;

/// <summary>
/// NUKE's task overloads of a tool class marked <c>[TaskOverloads]</c>: each of its methods that runs settings
/// (<c>Task&lt;ToolResult&gt; BuildAsync(DotNetBuildSettings settings, CancellationToken cancellationToken)</c>) gets in
/// the tool's <c>*Tasks</c> class the tasks <c>DotNetBuild(settings)</c>, <c>DotNetBuild(configurator)</c>,
/// <c>DotNetBuild(combinatorial configurator, ...)</c> and <c>DotNetBuildAsync(configurator)</c>, documented with the
/// command the method's summary names first (<c>&lt;c&gt;dotnet build&lt;/c&gt;</c>). The settings start from their
/// parameterless constructor.
/// </summary>
internal static class TaskOverloads
{
    /// <summary>The attribute that marks a tool class for task overloads.</summary>
    public const string AttributeName = "Kiln.Tooling.TaskOverloadsAttribute";

    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat;

    /// <summary>The four overloads of each method of the marked tool class that runs settings, in the tool's *Tasks class.</summary>
    public static GeneratedMembers Of(GeneratorAttributeSyntaxContext attribute)
    {
        var tool = (INamedTypeSymbol)attribute.TargetSymbol;
        var members = new StringBuilder();
        foreach (var method in tool.GetMembers().OfType<IMethodSymbol>().Where(RunsSettings))
        {
            members.Append(Overloads(tool, method));
        }

        var @namespace = tool.ContainingNamespace.ToDisplayString();
        return new GeneratedMembers(@namespace, $"{tool.Name}Tasks", null, members.ToString(), $"{@namespace}.{tool.Name}Tasks.g.cs");
    }

    private static bool RunsSettings(IMethodSymbol method) =>
        method is { DeclaredAccessibility: Accessibility.Public, IsStatic: true, Parameters.Length: 2 }
        && method.ReturnType is INamedTypeSymbol { Name: "Task", TypeArguments.Length: 1 } task && task.TypeArguments[0].Name == "ToolResult"
        && method.Parameters[1].Type.Name == "CancellationToken";

    private static string Overloads(INamedTypeSymbol tool, IMethodSymbol method)
    {
        var command = Command(method);
        var run = $"{tool.ToDisplayString(TypeFormat)}.{method.Name}";
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
        return members.Replace("\r\n", "\n");
    }

    /// <summary>The command the method's summary names first in &lt;c&gt;; the method's name when it names none.</summary>
    private static string Command(IMethodSymbol method)
    {
        var summary = DocumentationSummary.Of(method) ?? string.Empty;
        var start = summary.IndexOf("<c>", StringComparison.Ordinal);
        var end = start < 0 ? -1 : summary.IndexOf("</c>", start, StringComparison.Ordinal);
        return end < 0 ? method.Name : summary.Substring(start + "<c>".Length, end - start - "<c>".Length);
    }
}
