using Microsoft.CodeAnalysis;

namespace Kiln.BuildMembersGenerator;

/// <summary>The engine's and the runtime's types the generated code names; null when the compilation lacks one (no Kiln, or a runtime before .NET 8).</summary>
/// <param name="KilnBuild">The builds' base class.</param>
/// <param name="Target">The type of a target property.</param>
/// <param name="Parameter">[Parameter].</param>
/// <param name="Secret">[Secret].</param>
/// <param name="Required">[Required].</param>
/// <param name="ValueInjection">The base class of injected values' attributes ([Solution], [GitVersion], a package's own).</param>
internal sealed record KilnSymbols(
    INamedTypeSymbol KilnBuild,
    INamedTypeSymbol Target,
    INamedTypeSymbol Parameter,
    INamedTypeSymbol Secret,
    INamedTypeSymbol Required,
    INamedTypeSymbol ValueInjection)
{
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
