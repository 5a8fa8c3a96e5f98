using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kiln.Tools.FluentApiGenerator;

/// <summary>
/// Kiln.Tools' NUKE-shaped API, generated rather than written per property and per command: the fluent setters of each
/// settings record marked <c>[FluentSetters]</c> (<see cref="Setters"/>) and the task overloads of the methods of
/// the tool classes marked <c>[TaskOverloads]</c> (<see cref="TaskOverloads"/>). Each declaration is read on its own
/// (ForAttributeWithMetadataName) into a file of its own, so an edit generates again only what it touched.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class FluentApiGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var setters = context.SyntaxProvider.ForAttributeWithMetadataName(
            Setters.AttributeName,
            static (node, _) => node is TypeDeclarationSyntax,
            static (attribute, _) => Setters.Of(attribute));
        context.RegisterSourceOutput(setters, static (output, result) =>
        {
            foreach (var error in result.Errors)
            {
                output.ReportDiagnostic(error);
            }

            GeneratedClasses.Add(output, result.Members);
        });

        var tasks = context.SyntaxProvider.ForAttributeWithMetadataName(
            TaskOverloads.AttributeName,
            static (node, _) => node is ClassDeclarationSyntax,
            static (attribute, _) => TaskOverloads.Of(attribute));
        context.RegisterSourceOutput(tasks, static (output, members) => GeneratedClasses.Add(output, members));
    }
}
