using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kiln.Tools.FluentApiGenerator;

/// <summary>
/// NUKE's fluent setters, generated from the settings records instead of written once per property. A property marked
/// <c>[FluentSetters]</c> gets, in the record's <c>*Extensions</c> class, Set and Reset (a single value); Set, Enable,
/// Disable, Toggle and Reset (a bool; a bool? has no Toggle); or Set, Add, Remove and Clear (a list). Each checks its
/// settings for null and returns a changed copy (<c>with</c>); each is documented from the property's own summary.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class SettersGenerator : IIncrementalGenerator
{
    /// <summary>The attribute that marks a property for setters.</summary>
    public const string AttributeName = "Kiln.Tooling.FluentSettersAttribute";

    private static readonly DiagnosticDescriptor Unsupported = new(
        "KILNGEN001",
        "No fluent setters for this property type",
        "[FluentSetters] on '{0}': a property of type '{1}' gets no setters; give it a bool, a nullable value or an IReadOnlyList<T>, or write its setters by hand",
        "Kiln.Tools.FluentApiGenerator",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    private static readonly SymbolDisplayFormat TypeFormat =
        SymbolDisplayFormat.FullyQualifiedFormat.AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var properties = context.SyntaxProvider.ForAttributeWithMetadataName(
            AttributeName,
            static (node, _) => node is PropertyDeclarationSyntax,
            static (attribute, _) => Generate(attribute));
        context.RegisterSourceOutput(properties.Where(static result => result.Error is not null), static (output, result) => output.ReportDiagnostic(result.Error!));
        context.RegisterSourceOutput(
            properties.Where(static result => result.Members is not null).Select(static (result, _) => result.Members!).Collect(),
            static (output, all) => GeneratedClasses.Add(output, all, "Setters"));
    }

    private static (GeneratedMembers? Members, Diagnostic? Error) Generate(GeneratorAttributeSyntaxContext attribute)
    {
        var property = (IPropertySymbol)attribute.TargetSymbol;
        var settings = property.ContainingType;
        var name = attribute.Attributes[0].ConstructorArguments.FirstOrDefault().Value as string ?? property.Name;
        var setter = new Setter(
            settings.ToDisplayString(TypeFormat),
            $"{settings.Name}.{property.Name}",
            property.Name,
            name,
            DocumentationSummary.Of(property) ?? string.Empty);
        var kind = Kind(property.Type);
        if (kind == SetterKind.None)
        {
            var location = attribute.TargetNode.GetLocation();
            return (null, Diagnostic.Create(Unsupported, location, $"{settings.Name}.{property.Name}", property.Type.ToDisplayString()));
        }

        var members = kind switch
        {
            SetterKind.Flag => setter.Flag(),
            SetterKind.OptionalFlag => setter.OptionalFlag(),
            SetterKind.List => setter.List(((INamedTypeSymbol)property.Type).TypeArguments[0]),
            _ => setter.Value(property.Type),
        };
        var summary = $"NUKE's fluent setters of <see cref=\"{settings.Name}\"/>; each returns a changed copy and leaves the settings it was called on as they were.";
        var node = attribute.TargetNode;
        return (new GeneratedMembers(settings.ContainingNamespace.ToDisplayString(), $"{settings.Name}Extensions", summary, members, node.SyntaxTree.FilePath, node.SpanStart), null);
    }

    private static SetterKind Kind(ITypeSymbol type)
    {
        if (type.SpecialType == SpecialType.System_Boolean)
        {
            return SetterKind.Flag;
        }

        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            return nullable.TypeArguments[0].SpecialType == SpecialType.System_Boolean ? SetterKind.OptionalFlag : SetterKind.Value;
        }

        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Collections_Generic_IReadOnlyList_T })
        {
            return SetterKind.List;
        }

        if (type.AllInterfaces.Any(@interface => @interface.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T) && type.SpecialType != SpecialType.System_String)
        {
            return SetterKind.None;
        }

        return type.IsValueType || type.NullableAnnotation == NullableAnnotation.Annotated ? SetterKind.Value : SetterKind.None;
    }

    private enum SetterKind
    {
        None,
        Value,
        Flag,
        OptionalFlag,
        List,
    }

    /// <summary>The methods of one property; <paramref name="Cref"/> names it in the documentation.</summary>
    private sealed record Setter(string Settings, string Cref, string Property, string Name, string Summary)
    {
        private const string ThrowIfNull = "global::System.ArgumentNullException.ThrowIfNull";

        public string Value(ITypeSymbol type)
        {
            var empty = type.IsValueType && type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T ? "default" : "null";
            return new StringBuilder()
                .Append(Set(type.ToDisplayString(TypeFormat), "Sets"))
                .Append(Call("Reset", $"Resets <see cref=\"{Cref}\"/> to its default ({empty})", $"Set{Name}({empty})"))
                .ToString();
        }

        public string Flag() => new StringBuilder()
            .Append(Set("bool", "Sets"))
            .Append(Call("Enable", $"Sets <see cref=\"{Cref}\"/> to true", $"Set{Name}(true)"))
            .Append(Call("Disable", $"Sets <see cref=\"{Cref}\"/> to false", $"Set{Name}(false)"))
            .Append(Doc($"Negates <see cref=\"{Cref}\"/>"))
            .Append($"    public static {Settings} Toggle{Name}(this {Settings} settings)\n")
            .Append("    {\n")
            .Append($"        {ThrowIfNull}(settings);\n")
            .Append($"        return settings.Set{Name}(!settings.{Property});\n")
            .Append("    }\n\n")
            .Append(Call("Reset", $"Resets <see cref=\"{Cref}\"/> to its default (false)", $"Set{Name}(false)"))
            .ToString();

        public string OptionalFlag() => new StringBuilder()
            .Append(Set("bool?", "Sets"))
            .Append(Call("Reset", $"Resets <see cref=\"{Cref}\"/> to its default (null)", $"Set{Name}(null)"))
            .Append(Call("Enable", $"Sets <see cref=\"{Cref}\"/> to true", $"Set{Name}(true)"))
            .Append(Call("Disable", $"Sets <see cref=\"{Cref}\"/> to false", $"Set{Name}(false)"))
            .ToString();

        public string List(ITypeSymbol element)
        {
            var values = $"params global::System.Collections.Generic.IEnumerable<{element.ToDisplayString(TypeFormat)}> values";
            var comparer = element.SpecialType == SpecialType.System_String ? ", global::System.StringComparer.Ordinal" : string.Empty;
            return new StringBuilder()
                .Append(Change("Set", $"Replaces <see cref=\"{Cref}\"/> with the values", values, "[.. values]"))
                .Append(Change("Add", $"Adds the values at the end of <see cref=\"{Cref}\"/>", values, $"[.. settings.{Property}, .. values]"))
                .Append(Doc($"Removes each of the values from <see cref=\"{Cref}\"/>"))
                .Append($"    public static {Settings} Remove{Name}(this {Settings} settings, {values})\n")
                .Append("    {\n")
                .Append($"        {ThrowIfNull}(settings);\n")
                .Append($"        {ThrowIfNull}(values);\n")
                .Append($"        var removed = global::System.Linq.Enumerable.ToHashSet(values{comparer});\n")
                .Append($"        return settings with {{ {Property} = [.. global::System.Linq.Enumerable.Where(settings.{Property}, value => !removed.Contains(value))] }};\n")
                .Append("    }\n\n")
                .Append(Change("Clear", $"Empties <see cref=\"{Cref}\"/>", null, "[]"))
                .ToString();
        }

        private string Set(string type, string verb) => Change("Set", $"{verb} <see cref=\"{Cref}\"/>", $"{type} value", "value");

        /// <summary>A method that checks its arguments and returns a copy with the property set to <paramref name="value"/>.</summary>
        private string Change(string prefix, string doc, string? parameter, string value)
        {
            var source = new StringBuilder()
                .Append(Doc(doc))
                .Append($"    public static {Settings} {prefix}{Name}(this {Settings} settings{(parameter is null ? string.Empty : ", " + parameter)})\n")
                .Append("    {\n")
                .Append($"        {ThrowIfNull}(settings);\n");
            if (parameter?.StartsWith("params ", System.StringComparison.Ordinal) == true)
            {
                source.Append($"        {ThrowIfNull}(values);\n");
            }

            return source
                .Append($"        return settings with {{ {Property} = {value} }};\n")
                .Append("    }\n\n")
                .ToString();
        }

        /// <summary>A method that calls another setter, which checks the settings.</summary>
        private string Call(string prefix, string doc, string call) =>
            Doc(doc) + $"    public static {Settings} {prefix}{Name}(this {Settings} settings) => settings.{call};\n\n";

        private string Doc(string what) => Summary.Length == 0 ? $"    /// <summary>{what}.</summary>\n" : $"    /// <summary>{what}: {Summary}</summary>\n";
    }
}
