using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kiln.BuildMembersGenerator;

/// <summary>
/// Lists the parameters and targets of each build class (a non-abstract class deriving from Kiln.KilnBuild) in a
/// generated class that registers them with the engine when the build's assembly loads (GeneratedBuildMembers). The
/// engine then reads and sets them through the generated code instead of reflecting over the class and its
/// components. A class whose members it cannot list exactly as reflection would find them gets no file.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class BuildMembersGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var files = context.SyntaxProvider.CreateSyntaxProvider(
                static (node, _) => node is ClassDeclarationSyntax { BaseList: not null },
                static (syntax, cancellation) =>
                    syntax.SemanticModel.GetDeclaredSymbol(syntax.Node, cancellation) is INamedTypeSymbol type
                        ? BuildClassReader.Read(type, syntax.SemanticModel.Compilation)
                        : null)
            .Where(static file => file is not null)
            .Collect();

        context.RegisterSourceOutput(files, static (output, found) =>
        {
            // A partial class with a base list in two of its declarations is found twice.
            var added = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in found)
            {
                if (file is not null && added.Add(file.HintName))
                {
                    output.AddSource(file.HintName, file.Text);
                }
            }
        });
    }
}
