using Kiln.Tools.FluentApiGenerator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Kiln.UnitTests.Tooling;

/// <summary>The generator of Kiln.Tools' fluent setters, run on a record of the test's own: which setters each property type gets.</summary>
public class FluentApiGeneratorTests
{
    private const string Attributes = """
        namespace Kiln.Tooling;

        [System.AttributeUsage(System.AttributeTargets.Class | System.AttributeTargets.Property)]
        internal sealed class FluentSettersAttribute(string? name = null) : System.Attribute
        {
            public string? Name { get; } = name;
        }

        [System.AttributeUsage(System.AttributeTargets.Property)]
        internal sealed class NoFluentSettersAttribute : System.Attribute;
        """;

    [Fact]
    public void Each_property_gets_the_setters_of_its_type_named_as_marked()
    {
        var (compilation, errors) = Generate("""
            namespace Kiln.Tooling;

            [FluentSetters]
            public sealed record SampleSettings(string Package)
            {
                public bool NoBuild { get; init; }

                public bool? SelfContained { get; init; }

                public string? Configuration { get; init; }

                public System.TimeSpan? Timeout { get; init; }

                [FluentSetters("DataCollector")]
                public System.Collections.Generic.IReadOnlyList<string> Collectors { get; init; } = [];

                [NoFluentSetters]
                public string? ConfigFile { get; init; }

                public string? Computed => Configuration;
            }
            """);

        Assert.Empty(errors);
        string[] expected =
        [
            "AddDataCollector", "ClearDataCollector", "DisableNoBuild", "DisableSelfContained", "EnableNoBuild", "EnableSelfContained",
            "RemoveDataCollector", "ResetConfiguration", "ResetNoBuild", "ResetSelfContained", "ResetTimeout", "SetConfiguration",
            "SetDataCollector", "SetNoBuild", "SetSelfContained", "SetTimeout", "ToggleNoBuild",
        ];
        Assert.Equal(expected, Methods(compilation, "Kiln.Tooling.SampleSettingsExtensions"));
    }

    [Fact]
    public void A_setter_is_documented_from_its_property_summary()
    {
        var (compilation, errors) = Generate("""
            namespace Kiln.Tooling;

            /// <summary>Settings of a sample.</summary>
            [FluentSetters]
            public sealed record SampleSettings
            {
                /// <summary>Skips the implicit restore.</summary>
                public bool NoRestore { get; init; }
            }
            """);

        Assert.Empty(errors);
        var enable = compilation.GetTypeByMetadataName("Kiln.Tooling.SampleSettingsExtensions")!.GetMembers("EnableNoRestore").Single();
        Assert.Contains("Sets <see cref=\"P:Kiln.Tooling.SampleSettings.NoRestore\"/> to true: Skips the implicit restore.", enable.GetDocumentationCommentXml(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_property_type_without_setters_is_an_error_that_names_the_property()
    {
        var (_, errors) = Generate("""
            namespace Kiln.Tooling;

            [FluentSetters]
            public sealed record SampleSettings
            {
                public System.Collections.Generic.IReadOnlyDictionary<string, string> Properties { get; init; } = new System.Collections.Generic.Dictionary<string, string>();
            }
            """);

        var error = Assert.Single(errors);
        Assert.Equal("KILNGEN001", error.Id);
        Assert.Contains("SampleSettings.Properties", error.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    private static string[] Methods(Compilation compilation, string type) =>
        [.. compilation.GetTypeByMetadataName(type)!.GetMembers().OfType<IMethodSymbol>().Select(method => method.Name).Order(StringComparer.Ordinal)];

    /// <summary>The compilation with what the generator wrote, and the errors of both.</summary>
    private static (Compilation Compilation, Diagnostic[] Errors) Generate(string source)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Preview, DocumentationMode.Diagnose);
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(
            "Sample",
            [CSharpSyntaxTree.ParseText(Attributes, parseOptions), CSharpSyntaxTree.ParseText(source, parseOptions)],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        CSharpGeneratorDriver.Create([new FluentApiGenerator().AsSourceGenerator()], parseOptions: parseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var errors = generatorDiagnostics.Concat(output.GetDiagnostics()).Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToArray();
        return (output, errors);
    }
}
