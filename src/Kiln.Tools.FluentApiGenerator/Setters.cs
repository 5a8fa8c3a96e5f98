using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kiln.Tools.FluentApiGenerator;

/// <summary>
/// NUKE's fluent setters of a settings record marked <c>[FluentSetters]</c>, in its <c>*Extensions</c> class: for each
/// public init property the record declares (not a positional one, not one marked <c>[NoFluentSetters]</c>) Set and
/// Reset (a single value); Set, Enable, Disable, Toggle and Reset (a bool; a bool? has no Toggle); or Set, Add, Remove
/// and Clear (a list). Each checks the settings for null and returns a changed copy (<c>with</c>); each is documented
/// from the property's own summary. <c>[FluentSetters("SettingsFile")]</c> on a property names its setters.
/// </summary>
internal static class Setters
{
    /// <summary>The attribute that marks a record for setters, or names the setters of one of its properties.</summary>
    public const string AttributeName = "Kiln.Tooling.FluentSettersAttribute";

    private const string ExcludedName = "Kiln.Tooling.NoFluentSettersAttribute";

    private static readonly DiagnosticDescriptor Unsupported = new(
        "KILNGEN001",
        "No fluent setters for this property type",
        "[FluentSetters] on '{0}': a property of type '{1}' gets no setters; give it a bool, a nullable value or an IReadOnlyList<T>, or mark it [NoFluentSetters] and write its setters by hand",
        "Kiln.Tools.FluentApiGenerator",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    private static readonly SymbolDisplayFormat TypeFormat =
        SymbolDisplayFormat.FullyQualifiedFormat.AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>The setters of the marked record, and an error for each property whose type has none.</summary>
    public static SettersResult Of(GeneratorAttributeSyntaxContext attribute)
    {
        var settings = (INamedTypeSymbol)attribute.TargetSymbol;
        var members = new StringBuilder();
        var errors = new List<Diagnostic>();
        foreach (var property in settings.GetMembers().OfType<IPropertySymbol>().Where(HasSetters))
        {
            var setter = new Setter(
                settings.ToDisplayString(TypeFormat),
                $"{settings.Name}.{property.Name}",
                property.Name,
                NameOf(property),
                DocumentationSummary.Of(property) ?? string.Empty);
            var code = setter.For(property.Type);
            if (code is null)
            {
                errors.Add(Diagnostic.Create(Unsupported, property.Locations.FirstOrDefault(), $"{settings.Name}.{property.Name}", property.Type.ToDisplayString()));
            }

            members.Append(code);
        }

        var summary = $"NUKE's fluent setters of <see cref=\"{settings.Name}\"/>; each returns a changed copy and leaves the settings it was called on as they were.";
        var @namespace = settings.ContainingNamespace.ToDisplayString();
        var generated = new GeneratedMembers(@namespace, $"{settings.Name}Extensions", summary, members.ToString(), $"{@namespace}.{settings.Name}Extensions.g.cs");
        return new SettersResult(generated, errors.ToImmutableArray());
    }

    private static bool HasSetters(IPropertySymbol property) =>
        property is { DeclaredAccessibility: Accessibility.Public, IsStatic: false, SetMethod.IsInitOnly: true }
        && !property.DeclaringSyntaxReferences.Any(reference => reference.GetSyntax() is ParameterSyntax)
        && !property.GetAttributes().Any(attribute => attribute.AttributeClass?.ToDisplayString() == ExcludedName);

    private static string NameOf(IPropertySymbol property) =>
        property.GetAttributes()
            .Where(attribute => attribute.AttributeClass?.ToDisplayString() == AttributeName)
            .Select(attribute => attribute.ConstructorArguments.FirstOrDefault().Value as string)
            .FirstOrDefault(name => name is not null) ?? property.Name;

    /// <summary>A record's setters and the errors of the properties that have none.</summary>
    internal sealed record SettersResult(GeneratedMembers Members, ImmutableArray<Diagnostic> Errors);

    /// <summary>The methods of one property; <paramref name="Cref"/> names it in the documentation.</summary>
    private sealed record Setter(string Settings, string Cref, string Property, string Name, string Summary)
    {
        private const string ThrowIfNull = "global::System.ArgumentNullException.ThrowIfNull";

        /// <summary>The setters of a property of this type; null when it has none.</summary>
        public string? For(ITypeSymbol type)
        {
            if (type.SpecialType == SpecialType.System_Boolean)
            {
                return Set("bool") + Switches() + Toggle() + Reset("false");
            }

            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
            {
                var onOff = nullable.TypeArguments[0].SpecialType == SpecialType.System_Boolean ? Switches() : string.Empty;
                return Set(type.ToDisplayString(TypeFormat)) + Reset("null") + onOff;
            }

            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Collections_Generic_IReadOnlyList_T } list)
            {
                return List(list.TypeArguments[0]);
            }

            var isCollection = type.SpecialType != SpecialType.System_String
                && type.AllInterfaces.Any(@interface => @interface.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T);
            if (isCollection)
            {
                return null;
            }

            if (type.IsValueType)
            {
                return Set(type.ToDisplayString(TypeFormat)) + Reset("default");
            }

            return type.NullableAnnotation == NullableAnnotation.Annotated ? Set(type.ToDisplayString(TypeFormat)) + Reset("null") : null;
        }

        private string Set(string type) => Change("Set", $"Sets <see cref=\"{Cref}\"/>", $"{type} value", "value");

        private string Reset(string empty) => Call("Reset", $"Resets <see cref=\"{Cref}\"/> to its default ({empty})", $"Set{Name}({empty})");

        private string Switches() =>
            Call("Enable", $"Sets <see cref=\"{Cref}\"/> to true", $"Set{Name}(true)") + Call("Disable", $"Sets <see cref=\"{Cref}\"/> to false", $"Set{Name}(false)");

        private string Toggle() => new StringBuilder()
            .Append(Doc($"Negates <see cref=\"{Cref}\"/>"))
            .Append($"    public static {Settings} Toggle{Name}(this {Settings} settings)\n")
            .Append("    {\n")
            .Append($"        {ThrowIfNull}(settings);\n")
            .Append($"        return settings.Set{Name}(!settings.{Property});\n")
            .Append("    }\n\n")
            .ToString();

        private string List(ITypeSymbol element)
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
