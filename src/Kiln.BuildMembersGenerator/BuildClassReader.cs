using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Kiln.BuildMembersGenerator;

/// <summary>
/// Finds a build class's parameters and targets by the rules the engine's reflection follows (ParameterDescriptor.FindIn,
/// TargetGraph): parameters are the fields and properties marked [Parameter] of the class and its base classes, then the
/// [Parameter] properties of its interfaces whose default implementation the class keeps; targets are the readable
/// Target properties of the class and its base classes, then those of its interfaces. The engine orders the interfaces
/// and drops repeated target names; this lists each type's members in declaration order. Null for a class this cannot
/// list exactly: a base class from another assembly (its private members are not visible here), or a shape the rules
/// treat specially (static, explicit or indexed members marked as parameters or targets).
/// </summary>
internal static class BuildClassReader
{
    public static GeneratedFile? Read(INamedTypeSymbol type, Compilation compilation)
    {
        var kiln = KilnSymbols.Find(compilation);
        if (kiln is null || type.TypeKind != TypeKind.Class || type.IsAbstract || type.IsStatic || IsGeneric(type)
            || !compilation.IsSymbolAccessibleWithin(type, compilation.Assembly))
        {
            return null;
        }

        var hierarchy = new List<INamedTypeSymbol>();
        for (var current = type; !SymbolEqualityComparer.Default.Equals(current, kiln.KilnBuild); current = current.BaseType)
        {
            if (current is null || !SymbolEqualityComparer.Default.Equals(current.ContainingAssembly, compilation.Assembly) || IsGeneric(current))
            {
                return null;
            }

            hierarchy.Insert(0, current);
        }

        var source = new BuildMembersSource(type, compilation);
        return AddParameters(source, hierarchy, type, kiln) && AddTargets(source, hierarchy, type, kiln) && AddCheckedMembers(source, hierarchy, type, kiln)
            ? source.ToFile()
            : null;
    }

    /// <summary>
    /// The members a run checks or fills before its targets start (ValueInjector, RequiredMembers): those marked
    /// [Required] or with a value injection attribute, of the class and its base classes, then of the components whose
    /// default implementation the build keeps. The engine reads their attributes itself; this only names them.
    /// </summary>
    private static bool AddCheckedMembers(BuildMembersSource source, List<INamedTypeSymbol> hierarchy, INamedTypeSymbol type, KilnSymbols kiln)
    {
        foreach (var declaring in hierarchy)
        {
            foreach (var member in declaring.GetMembers().OfType<IFieldSymbol>().Where(field => !field.IsStatic).Cast<ISymbol>()
                .Concat(declaring.GetMembers().OfType<IPropertySymbol>().Where(property => !property.IsStatic)))
            {
                if (IsChecked(member, kiln) && !source.AddCheckedMember(declaring, member.Name, member is IFieldSymbol))
                {
                    return false;
                }
            }
        }

        foreach (var contract in type.AllInterfaces)
        {
            foreach (var property in contract.GetMembers().OfType<IPropertySymbol>().Where(property => property.DeclaredAccessibility == Accessibility.Public))
            {
                if (property.GetMethod is null || !IsChecked(property, kiln))
                {
                    continue;
                }

                if (property.IsStatic || property.IsIndexer)
                {
                    return false;
                }

                var implementation = type.FindImplementationForInterfaceMember(property.GetMethod);
                if (SymbolEqualityComparer.Default.Equals(implementation?.ContainingType, contract) && !source.AddCheckedMember(contract, property.Name, isField: false))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool IsChecked(ISymbol member, KilnSymbols kiln) =>
        Attribute(member, kiln.Required) is not null || Attribute(member, attribute => DerivesFrom(attribute, kiln.ValueInjection)) is not null;

    private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol baseType)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, baseType))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AddParameters(BuildMembersSource source, List<INamedTypeSymbol> hierarchy, INamedTypeSymbol type, KilnSymbols kiln)
    {
        foreach (var declaring in hierarchy)
        {
            // Fields before properties: reflection orders a class's members by metadata token, and fields' table comes first.
            foreach (var field in declaring.GetMembers().OfType<IFieldSymbol>().Where(field => !field.IsStatic))
            {
                if (Attribute(field, kiln.Parameter) is { } attribute
                    && !source.AddField(field, attribute, Attribute(field, kiln.Secret) is not null, Attribute(field, kiln.Required) is not null))
                {
                    return false;
                }
            }

            foreach (var property in declaring.GetMembers().OfType<IPropertySymbol>().Where(property => !property.IsStatic))
            {
                if (Attribute(property, kiln.Parameter) is not { } attribute)
                {
                    continue;
                }

                if (property.IsIndexer || !property.ExplicitInterfaceImplementations.IsEmpty
                    || !source.AddClassProperty(property, attribute, Attribute(property, kiln.Secret) is not null, Attribute(property, kiln.Required) is not null))
                {
                    return false;
                }
            }
        }

        foreach (var contract in type.AllInterfaces)
        {
            // Reflection lists an interface's public properties, static ones too.
            foreach (var property in contract.GetMembers().OfType<IPropertySymbol>().Where(property => property.DeclaredAccessibility == Accessibility.Public))
            {
                if (Attribute(property, kiln.Parameter) is not { } attribute || property.GetMethod is null)
                {
                    continue;
                }

                if (property.IsStatic || property.IsIndexer)
                {
                    return false;
                }

                // A component's parameter counts when the build keeps the interface's own implementation of its getter.
                var implementation = type.FindImplementationForInterfaceMember(property.GetMethod);
                if (SymbolEqualityComparer.Default.Equals(implementation?.ContainingType, contract)
                    && !source.AddComponentProperty(contract, property, attribute, Attribute(property, kiln.Secret) is not null, Attribute(property, kiln.Required) is not null))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool AddTargets(BuildMembersSource source, List<INamedTypeSymbol> hierarchy, INamedTypeSymbol type, KilnSymbols kiln)
    {
        foreach (var declaring in hierarchy)
        {
            foreach (var property in declaring.GetMembers().OfType<IPropertySymbol>())
            {
                // An explicit implementation is reached through its interface, below.
                if (!property.IsStatic && property.ExplicitInterfaceImplementations.IsEmpty && IsTarget(property, kiln) && !source.AddClassTarget(property))
                {
                    return false;
                }
            }
        }

        foreach (var contract in type.AllInterfaces)
        {
            foreach (var property in contract.GetMembers().OfType<IPropertySymbol>().Where(property => property.DeclaredAccessibility == Accessibility.Public))
            {
                if (IsTarget(property, kiln) && (property.IsStatic || !source.AddInterfaceTarget(contract, property)))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool IsTarget(IPropertySymbol property, KilnSymbols kiln) =>
        property.GetMethod is not null && !property.IsIndexer && SymbolEqualityComparer.Default.Equals(property.Type, kiln.Target);

    /// <summary>The attribute on the member, or, for an overriding property, on the property it overrides (as reflection inherits it).</summary>
    private static AttributeData? Attribute(ISymbol member, INamedTypeSymbol attributeClass) =>
        Attribute(member, candidate => SymbolEqualityComparer.Default.Equals(candidate, attributeClass));

    private static AttributeData? Attribute(ISymbol member, Func<INamedTypeSymbol, bool> isWanted)
    {
        for (var current = member; current is not null; current = (current as IPropertySymbol)?.OverriddenProperty)
        {
            foreach (var attribute in current.GetAttributes())
            {
                if (attribute.AttributeClass is { } attributeClass && isWanted(attributeClass))
                {
                    return attribute;
                }
            }
        }

        return null;
    }

    private static bool IsGeneric(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.IsGenericType)
            {
                return true;
            }
        }

        return false;
    }
}
