using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Kiln.BuildMembersGenerator;

/// <summary>
/// The generated class of one build: Describe lists the members for GeneratedBuildMembers, GetParameter, SetParameter
/// and GetTarget reach them by index. A member the generated class may not name (private, or a readonly field) is
/// reached through an [UnsafeAccessor], which the runtime binds without reflection. Each Add returns false for a
/// member it cannot reach so; the class then gets no file.
/// </summary>
internal sealed class BuildMembersSource(INamedTypeSymbol buildType, Compilation compilation)
{
    private readonly StringBuilder describe = new();
    private readonly StringBuilder getParameter = new();
    private readonly StringBuilder setParameter = new();
    private readonly StringBuilder getTarget = new();
    private readonly StringBuilder accessors = new();
    private int parameters;
    private int targets;
    private int accessorCount;

    public bool AddField(IFieldSymbol field, AttributeData attribute, bool isSecret, bool isRequired)
    {
        if (Name(field.ContainingType) is not { } declaring || Name(field.Type) is not { } type || AttributeExpression(attribute) is not { } created)
        {
            return false;
        }

        string reach;
        if (IsAccessible(field) && !field.IsReadOnly)
        {
            reach = $"(({declaring})build).{Identifier(field.Name)}";
        }
        else
        {
            var accessor = Accessor($"UnsafeAccessorKind.Field, Name = {Literal(field.Name)}", $"ref {type}", declaring);
            reach = $"{accessor}(({declaring})build)";
        }

        AddParameter(field.ContainingType, field.Name, isField: true, type, created, isSecret, isRequired, reach, $"{reach} = {Cast(field.Type, type)}; return true;");
        return true;
    }

    public bool AddClassProperty(IPropertySymbol property, AttributeData attribute, bool isSecret, bool isRequired)
    {
        if (property.GetMethod is not { } getter || Name(property.ContainingType) is not { } declaring || Name(property.Type) is not { } type
            || AttributeExpression(attribute) is not { } created || Getter(property, getter, declaring, type) is not { } reach)
        {
            return false;
        }

        // A setter the generated class may not call (private, init) is left to reflection, which can.
        var set = property.SetMethod is { IsInitOnly: false } setter && IsAccessible(setter)
            ? $"(({declaring})build).{Identifier(property.Name)} = {Cast(property.Type, type)}; return true;"
            : "return false;";
        AddParameter(property.ContainingType, property.Name, isField: false, type, created, isSecret, isRequired, reach, set);
        return true;
    }

    public bool AddComponentProperty(INamedTypeSymbol contract, IPropertySymbol property, AttributeData attribute, bool isSecret, bool isRequired)
    {
        if (Name(contract) is not { } declaring || Name(property.Type) is not { } type || AttributeExpression(attribute) is not { } created)
        {
            return false;
        }

        // Without a setter the engine binds the value for the component's getter to read.
        string set;
        if (property.SetMethod is null)
        {
            set = "return false;";
        }
        else if (property.SetMethod is { IsInitOnly: false } setter && IsAccessible(setter))
        {
            set = $"(({declaring})build).{Identifier(property.Name)} = {Cast(property.Type, type)}; return true;";
        }
        else
        {
            return false;
        }

        AddParameter(contract, property.Name, isField: false, type, created, isSecret, isRequired, $"(({declaring})build).{Identifier(property.Name)}", set);
        return true;
    }

    public bool AddClassTarget(IPropertySymbol property)
    {
        if (Name(property.ContainingType) is not { } declaring || Getter(property, property.GetMethod!, declaring, "global::Kiln.Target") is not { } reach)
        {
            return false;
        }

        AddTarget(declaring, property.Name, reach);
        return true;
    }

    public bool AddInterfaceTarget(INamedTypeSymbol contract, IPropertySymbol property)
    {
        if (Name(contract) is not { } declaring)
        {
            return false;
        }

        AddTarget(declaring, property.Name, $"(({declaring})build).{Identifier(property.Name)}");
        return true;
    }

    public bool AddCheckedMember(INamedTypeSymbol declaringType, string name, bool isField)
    {
        if (Name(declaringType) is not { } declaring)
        {
            return false;
        }

        describe.Append("            members.CheckedMember(typeof(").Append(declaring).Append("), ").Append(Literal(name)).Append(", ")
            .Append(isField ? "true" : "false").Append(");\n");
        return true;
    }

    public GeneratedFile ToFile()
    {
        var metadataName = buildType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", string.Empty);
        var className = "KilnBuildMembers_" + new string(metadataName.Select(character => char.IsLetterOrDigit(character) ? character : '_').ToArray());
        var build = Name(buildType)!;
        var text = new StringBuilder()
            .Append("// <auto-generated>Kiln.BuildMembersGenerator</auto-generated>\n")
            .Append("#nullable enable\n")
            .Append("#pragma warning disable\n\n")
            .Append("namespace Kiln.Generated\n{\n")
            .Append("    using System.Runtime.CompilerServices;\n\n")
            .Append("    /// <summary>The parameters and targets of ").Append(metadataName).Append(", listed at compile time for the engine.</summary>\n")
            .Append("    [global::System.CodeDom.Compiler.GeneratedCode(\"Kiln.BuildMembersGenerator\", \"1\")]\n")
            .Append("    internal static class ").Append(className).Append("\n    {\n")
            .Append("        [ModuleInitializer]\n")
            .Append("        internal static void Register() =>\n")
            .Append("            global::Kiln.GeneratedBuildMembers.Register(typeof(").Append(build).Append("), Describe, GetParameter, SetParameter, GetTarget);\n\n")
            .Append("        private static void Describe(global::Kiln.GeneratedBuildMembers members)\n        {\n")
            .Append(describe)
            .Append("        }\n\n")
            .Append("        private static object? GetParameter(object build, int index)\n        {\n            switch (index)\n            {\n")
            .Append(getParameter)
            .Append("                default: throw new global::System.ArgumentOutOfRangeException(nameof(index));\n            }\n        }\n\n")
            .Append("        private static bool SetParameter(object build, int index, object? value)\n        {\n            switch (index)\n            {\n")
            .Append(setParameter)
            .Append("                default: return false;\n            }\n        }\n\n")
            .Append("        private static global::Kiln.Target GetTarget(object build, int index)\n        {\n            switch (index)\n            {\n")
            .Append(getTarget)
            .Append("                default: throw new global::System.ArgumentOutOfRangeException(nameof(index));\n            }\n        }\n")
            .Append(accessors)
            .Append("    }\n}\n");
        return new GeneratedFile($"KilnBuildMembers.{metadataName}.g.cs", text.ToString());
    }

    private void AddParameter(INamedTypeSymbol declaringType, string memberName, bool isField, string type, string attribute, bool isSecret, bool isRequired, string get, string set)
    {
        describe.Append("            members.Parameter(typeof(").Append(Name(declaringType)).Append("), ").Append(Literal(memberName)).Append(", ")
            .Append(isField ? "true" : "false").Append(", typeof(").Append(type).Append("), ").Append(attribute).Append(", ")
            .Append(isSecret ? "true" : "false").Append(", ").Append(isRequired ? "true" : "false").Append(");\n");
        getParameter.Append("                case ").Append(parameters).Append(": return ").Append(get).Append(";\n");
        setParameter.Append("                case ").Append(parameters).Append(": ").Append(set).Append('\n');
        parameters++;
    }

    private void AddTarget(string declaring, string name, string get)
    {
        describe.Append("            members.Target(typeof(").Append(declaring).Append("), ").Append(Literal(name)).Append(");\n");
        getTarget.Append("                case ").Append(targets).Append(": return ").Append(get).Append(";\n");
        targets++;
    }

    /// <summary>
    /// How to read a class's property: directly when the generated class may, else through an accessor of its getter.
    /// An accessor calls the very method, not the override a derived class may have, so a virtual one is left to reflection.
    /// </summary>
    private string? Getter(IPropertySymbol property, IMethodSymbol getter, string declaring, string type)
    {
        if (IsAccessible(getter))
        {
            return $"(({declaring})build).{Identifier(property.Name)}";
        }

        if (property.IsVirtual || property.IsOverride || property.IsAbstract)
        {
            return null;
        }

        return $"{Accessor($"UnsafeAccessorKind.Method, Name = {Literal(getter.Name)}", type, declaring)}(({declaring})build)";
    }

    private string Accessor(string kind, string returnType, string declaring)
    {
        var name = "Accessor" + accessorCount++.ToString(CultureInfo.InvariantCulture);
        accessors.Append("\n        [UnsafeAccessor(").Append(kind).Append(")]\n")
            .Append("        private static extern ").Append(returnType).Append(' ').Append(name).Append('(').Append(declaring).Append(" build);\n");
        return name;
    }

    private bool IsAccessible(ISymbol symbol) => compilation.IsSymbolAccessibleWithin(symbol, compilation.Assembly);

    /// <summary>The type as generated code names it, or null when it may not (inaccessible, dynamic, pointers).</summary>
    private string? Name(ITypeSymbol type)
    {
        if (!IsNameable(type))
        {
            return null;
        }

        return type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
    }

    private bool IsNameable(ITypeSymbol type) =>
        type switch
        {
            IArrayTypeSymbol array => IsNameable(array.ElementType),
            INamedTypeSymbol named => named.TypeKind != TypeKind.Error && IsAccessible(named) && named.TypeArguments.All(IsNameable),
            _ => false,
        };

    /// <summary>The value converted to the member's type; null becomes the type's default, as reflection sets it.</summary>
    private static string Cast(ITypeSymbol type, string name) =>
        type.IsValueType ? $"value is null ? default({name})! : ({name})value" : $"({name})value!";

    private string? AttributeExpression(AttributeData attribute)
    {
        if (attribute.AttributeClass is not { } attributeClass || Name(attributeClass) is not { } name)
        {
            return null;
        }

        var text = new StringBuilder("new ").Append(name).Append('(');
        for (var index = 0; index < attribute.ConstructorArguments.Length; index++)
        {
            if (Constant(attribute.ConstructorArguments[index]) is not { } argument)
            {
                return null;
            }

            text.Append(index == 0 ? string.Empty : ", ").Append(argument);
        }

        text.Append(')');
        if (attribute.NamedArguments.Length > 0)
        {
            text.Append(" { ");
            foreach (var named in attribute.NamedArguments)
            {
                if (Constant(named.Value) is not { } value)
                {
                    return null;
                }

                text.Append(Identifier(named.Key)).Append(" = ").Append(value).Append(", ");
            }

            text.Append('}');
        }

        return text.ToString();
    }

    /// <summary>A string, bool or null argument as C#; the engine's attributes take no other kinds.</summary>
    private static string? Constant(TypedConstant constant) =>
        constant.Kind != TypedConstantKind.Primitive && !constant.IsNull ? null
        : constant.IsNull ? "null"
        : constant.Value switch
        {
            string text => Literal(text),
            bool flag => flag ? "true" : "false",
            _ => null,
        };

    private static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);

    private static string Identifier(string name) => SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None ? name : "@" + name;
}
