using Microsoft.CodeAnalysis;

namespace Kiln.BuildMembersGenerator;

/// <summary>The engine's and the runtime's types the generated code names; null when the compilation lacks one (no Kiln, or a runtime before .NET 8).</summary>
internal sealed class KilnSymbols
{
    private KilnSymbols(INamedTypeSymbol kilnBuild, INamedTypeSymbol target, INamedTypeSymbol parameter, INamedTypeSymbol secret, INamedTypeSymbol required, INamedTypeSymbol valueInjection)
    {
        KilnBuild = kilnBuild;
        Target = target;
        Parameter = parameter;
        Secret = secret;
        Required = required;
        ValueInjection = valueInjection;
    }

    public INamedTypeSymbol KilnBuild { get; }

    public INamedTypeSymbol Target { get; }

    public INamedTypeSymbol Parameter { get; }

    public INamedTypeSymbol Secret { get; }

    public INamedTypeSymbol Required { get; }

    /// <summary>The base class of injected values' attributes (<c>[Solution]</c>, <c>[GitVersion]</c>, a package's own).</summary>
    public INamedTypeSymbol ValueInjection { get; }

    public static KilnSymbols? Find(Compilation compilation) =>
        compilation.GetTypeByMetadataName("Kiln.GeneratedBuildMembers") is not null
        && compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.UnsafeAccessorAttribute") is not null
        && compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ModuleInitializerAttribute") is not null
        && compilation.GetTypeByMetadataName("Kiln.KilnBuild") is { } kilnBuild
        && compilation.GetTypeByMetadataName("Kiln.Target") is { } target
        && compilation.GetTypeByMetadataName("Kiln.ParameterAttribute") is { } parameter
        && compilation.GetTypeByMetadataName("Kiln.SecretAttribute") is { } secret
        && compilation.GetTypeByMetadataName("Kiln.RequiredAttribute") is { } required
        && compilation.GetTypeByMetadataName("Kiln.Injection.ValueInjectionAttribute") is { } valueInjection
            ? new KilnSymbols(kilnBuild, target, parameter, secret, required, valueInjection)
            : null;
}
