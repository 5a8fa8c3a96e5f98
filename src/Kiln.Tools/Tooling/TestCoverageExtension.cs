namespace Kiln.Tooling;

/// <summary>The Microsoft.Testing.Platform extension that collects coverage, in Cobertura, for <c>dotnet test</c>.</summary>
public enum TestCoverageExtension
{
    /// <summary>No coverage.</summary>
    None,

    /// <summary>coverlet.MTP: <c>--coverlet --coverlet-output-format cobertura</c>.</summary>
    Coverlet,

    /// <summary>Microsoft.Testing.Extensions.CodeCoverage: <c>--coverage --coverage-output-format cobertura</c>.</summary>
    MicrosoftCodeCoverage,
}
