using System.Reflection;
using System.Runtime.Loader;
using Kiln.Definition;
using Kiln.Injection;
using Kiln.Parameters;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Kiln.UnitTests.Definition;

/// <summary>
/// The build members generator, run on builds of the test's own: each is compiled twice, with the generator and
/// without, and the engine must find the same parameters and targets through the generated code as by reflection.
/// </summary>
public class BuildMembersGeneratorTests
{
    private static readonly string[] Tags = ["c"];

    private const string Sample = """
        using Kiln;

        public interface IRestore
        {
            [Parameter("Where packages come from.")]
            string Source => this.ParameterValue("nuget.org");

            Target Restore => _ => _.Description("Restores.");
        }

        public interface ICompile : IRestore
        {
            [Parameter("Configuration to build."), Required]
            string Configuration => this.ParameterValue("Debug");

            [Parameter("Overridden by the build.")]
            string Framework => this.ParameterValue("net10.0");

            Target Compile => _ => _.DependsOn<IRestore>(x => x.Restore);
        }

        public interface IPack : ICompile
        {
            [Parameter("Key of the feed", Name = "FeedKey", EnvironmentVariable = "FEED_KEY"), Secret]
            string? ApiKey => this.ParameterValue<IPack, string?>(null);

            Target Pack => _ => _.DependsOn<ICompile>(x => x.Compile);
        }

        public sealed class StampAttribute : Kiln.Injection.ValueInjectionAttribute
        {
            public override object? GetValue(System.Reflection.MemberInfo member, KilnBuild build) => "stamped " + member.Name;
        }

        public interface IStamped
        {
            [Stamp]
            string Label => this.ParameterValue("unset");
        }

        public interface ILint
        {
            Target Lint => _ => _.Description("Lints.");
        }

        public abstract class BaseBuild : KilnBuild
        {
            [Parameter("Verbose tools.")]
            protected bool VerboseTools;

            Target Clean => _ => _.Description("Cleans.");
        }

        public class SampleBuild : BaseBuild, IPack, ILint, IStamped
        {
            [Stamp]
            readonly string? stamp;

            [Required]
            string? Token { get; set; } = "t";

            [Parameter("Times to retry.")]
            readonly int retries = 3;

            [Parameter("A public field.")]
            public string Channel = "stable";

            [Parameter("Timeout of a step.")]
            public System.TimeSpan Timeout { get; set; } = System.TimeSpan.FromMinutes(5);

            [Parameter("Set once.")]
            public string Region { get; } = "west";

            [Parameter("Set at construction.")]
            public string Tenant { get; init; } = "common";

            [Parameter("Tags to apply.")]
            string[] Tags { get; set; } = ["a", "b"];

            public string Framework => "net9.0";

            Target Test => _ => _.DependsOn<ICompile>(x => x.Compile).Description("Tests.");

            Target ILint.Lint => _ => _.Description("Lints, the build's way.");

            private Target Publish => _ => _.DependsOn(Test).Description("Publishes.");

            public int Retries => retries;

            public string? Stamp => stamp;
        }
        """;

    [Fact]
    public void The_generated_parameters_are_the_ones_reflection_finds_in_the_same_order()
    {
        var (generated, reflected) = CompileBoth(Sample);

        Assert.Equal(Describe(ParameterDescriptor.FindIn(reflected)), Describe(ParameterDescriptor.FindIn(generated)));
        Assert.Equal(
            ["VerboseTools", "retries", "Channel", "Timeout", "Region", "Tenant", "Tags", "Source", "Configuration", "FeedKey"],
            ParameterDescriptor.FindIn(generated).Select(parameter => parameter.Name));
    }

    [Fact]
    public void The_generated_targets_are_the_ones_reflection_finds_in_the_same_order_with_the_same_edges()
    {
        var (generated, reflected) = CompileBoth(Sample);

        Assert.Equal(Describe(TargetGraph.Create(reflected)), Describe(TargetGraph.Create(generated)));
        Assert.Equal(["Clean", "Test", "Publish", "Restore", "Lint", "Compile", "Pack"], TargetGraph.Create(generated).Targets.Select(target => target.Name));
        Assert.Equal("Lints, the build's way.", TargetGraph.Create(generated).Find("Lint")!.Description);
    }

    [Fact]
    public void A_generated_parameter_is_set_whether_it_is_a_readonly_field_a_get_only_property_or_a_component_value()
    {
        var (build, _) = CompileBoth(Sample);
        var parameters = ParameterDescriptor.FindIn(build).ToDictionary(parameter => parameter.Name);

        parameters["retries"].SetValue(5);
        parameters["Channel"].SetValue("beta");
        parameters["Region"].SetValue("north");
        parameters["Tenant"].SetValue("contoso");
        parameters["Tags"].SetValue(Tags);
        parameters["Configuration"].SetValue("Release");
        parameters["VerboseTools"].SetValue(true);

        var fresh = ParameterDescriptor.FindIn(build).ToDictionary(parameter => parameter.Name);
        Assert.Equal("5", fresh["retries"].ValueText);
        Assert.Equal("beta", fresh["Channel"].ValueText);
        Assert.Equal("north", fresh["Region"].ValueText);
        Assert.Equal("contoso", fresh["Tenant"].ValueText);
        Assert.Equal("c", fresh["Tags"].ValueText);
        Assert.Equal("Release", fresh["Configuration"].ValueText);
        Assert.Equal("true", fresh["VerboseTools"].ValueText);
    }

    [Fact]
    public void A_generated_parameter_names_its_member_for_the_requirements_that_point_at_it()
    {
        var (build, _) = CompileBoth(Sample);

        var parameters = ParameterDescriptor.FindIn(build).ToList();

        Assert.Equal("retries", Assert.IsAssignableFrom<FieldInfo>(parameters.Single(parameter => parameter.Name == "retries").Member).Name);
        Assert.Equal("ICompile", parameters.Single(parameter => parameter.Name == "Configuration").Member!.DeclaringType!.Name);
    }

    [Fact]
    public void The_generated_members_a_run_fills_or_checks_are_the_ones_reflection_finds_in_the_same_order()
    {
        var (generated, reflected) = CompileBoth(Sample);

        Assert.Equal(Checked(CheckedMembers.Own(reflected.GetType())), Checked(CheckedMembers.Own(generated.GetType())));
        Assert.Equal(Checked(CheckedMembers.Inherited(reflected.GetType())), Checked(CheckedMembers.Inherited(generated.GetType())));
        Assert.Equal(["stamp", "Token", "Label", "Configuration"], Checked(CheckedMembers.Own(generated.GetType()).Concat(CheckedMembers.Inherited(generated.GetType()))));
    }

    [Fact]
    public void Values_are_injected_into_a_generated_build_s_private_field_and_component_property()
    {
        var (build, _) = CompileBoth(Sample);

        ValueInjector.Inject(build);

        Assert.Equal("stamped stamp", build.GetType().GetProperty("Stamp")!.GetValue(build));
        Assert.Equal("stamped Label", build.GetType().GetInterface("IStamped")!.GetProperty("Label")!.GetValue(build));
    }

    [Fact]
    public void A_build_whose_base_class_is_in_another_assembly_is_left_to_reflection()
    {
        var library = Compile("Library", """
            public abstract class LibraryBuild : Kiln.KilnBuild
            {
                [Kiln.Parameter("Hidden from the compiler of the build.")]
                private readonly string hidden = "x";
            }
            """, []);

        var (trees, _) = Generate("public class DerivedBuild : LibraryBuild { }", [library.ToMetadataReference()]);

        Assert.Empty(trees);
    }

    [Fact]
    public void The_engine_base_class_declares_no_parameters_or_targets_that_generated_members_would_leave_out()
    {
        const BindingFlags declared = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

        var members = typeof(KilnBuild).GetMembers(declared)
            .Where(member => member.GetCustomAttribute<ParameterAttribute>() is not null || (member as PropertyInfo)?.PropertyType == typeof(Target));

        Assert.Empty(members);
    }

    /// <summary>The names of the members marked [Required] or with a value injection attribute (reflection lists every member).</summary>
    private static List<string> Checked(IEnumerable<MemberInfo> members) =>
        [.. members
            .Where(member => member.GetCustomAttribute<RequiredAttribute>() is not null || member.GetCustomAttribute<ValueInjectionAttribute>() is not null)
            .Select(member => member.Name)];

    private static List<string> Describe(IEnumerable<ParameterDescriptor> parameters) =>
        [.. parameters.Select(parameter => string.Join(
            " | ",
            parameter.Name,
            parameter.TypeName,
            parameter.Description,
            parameter.EnvironmentName,
            parameter.IsSecret,
            parameter.IsRequired,
            parameter.DefaultText,
            parameter.Member?.Name,
            parameter.Member?.DeclaringType?.Name))];

    private static List<string> Describe(TargetGraph graph) =>
        [.. graph.Targets.Select(target => string.Join(
            " | ",
            target.Name,
            target.Index,
            target.Description,
            string.Join(',', target.Dependencies.Select(dependency => dependency.Name)),
            target.Property?.Name,
            target.Property?.DeclaringType?.Name))];

    /// <summary>The sample's build compiled with the generator and without it, one instance of each.</summary>
    private static (KilnBuild Generated, KilnBuild Reflected) CompileBoth(string source)
    {
        var (trees, errors) = Generate(source, []);
        Assert.Empty(errors);
        var generated = Load(Compile("Generated", source, [], trees));
        var reflected = Load(Compile("Reflected", source, []));
        var builds = (Create(generated), Create(reflected));
        Assert.NotNull(GeneratedBuildMembers.For(builds.Item1.GetType()));
        Assert.Null(GeneratedBuildMembers.For(builds.Item2.GetType()));
        return builds;

        static KilnBuild Create(Assembly assembly) => (KilnBuild)Activator.CreateInstance(assembly.GetType("SampleBuild")!)!;
    }

    private static (SyntaxTree[] Trees, Diagnostic[] Errors) Generate(string source, IEnumerable<MetadataReference> extra)
    {
        var compilation = Compile("Sample", source, extra);
        CSharpGeneratorDriver.Create(new Kiln.BuildMembersGenerator.BuildMembersGenerator())
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var errors = diagnostics.Concat(output.GetDiagnostics()).Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToArray();
        return ([.. output.SyntaxTrees.Except(compilation.SyntaxTrees)], errors);
    }

    private static CSharpCompilation Compile(string name, string source, IEnumerable<MetadataReference> extra, IEnumerable<SyntaxTree>? generated = null)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Append(typeof(KilnBuild).Assembly.Location)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .Concat(extra);
        return CSharpCompilation.Create(
            name + Guid.NewGuid().ToString("N"),
            [CSharpSyntaxTree.ParseText(source), .. generated ?? []],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    private static Assembly Load(CSharpCompilation compilation)
    {
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        image.Position = 0;
        return new AssemblyLoadContext(compilation.AssemblyName, isCollectible: true).LoadFromStream(image);
    }
}
