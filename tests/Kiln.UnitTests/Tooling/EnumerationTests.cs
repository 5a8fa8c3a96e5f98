using System.ComponentModel;
using Kiln.CommandLine;
using Kiln.Parameters;
using Kiln.Tooling;

namespace Kiln.UnitTests.Tooling;

public sealed class EnumerationTests
{
    [Fact]
    public void Values_of_one_type_are_equal_when_their_texts_are_ignoring_case()
    {
        Assert.Equal(Flavour.Plain, new Flavour { Value = "PLAIN" });
        Assert.True(Flavour.Plain == new Flavour { Value = "plain" });
        Assert.True(Flavour.Plain != Flavour.Spicy);
        Assert.Equal(Flavour.Plain.GetHashCode(), new Flavour { Value = "PLAIN" }.GetHashCode());
        Assert.Equal("Spicy", Flavour.Spicy.ToString());
    }

    [Fact]
    public void A_NUKE_shaped_enumeration_with_static_fields_binds_as_a_parameter_ignoring_case()
    {
        Assert.Equal(Flavour.Spicy, Bind(["--flavour", "sPiCy"]).Flavour);
    }

    [Fact]
    public void A_mistyped_enumeration_value_lists_the_members_and_suggests_the_closest()
    {
        var exception = Assert.Throws<KilnException>(() => Bind(["--flavour", "spicey"]));

        Assert.Equal("Invalid value 'spicey' for --flavour: expected one of Plain, Spicy. Did you mean Spicy?", exception.Message);
    }

    [Fact]
    public void The_converter_gives_the_static_members_as_exclusive_standard_values()
    {
        var converter = TypeDescriptor.GetConverter(typeof(Flavour));

        Assert.True(converter.GetStandardValuesExclusive());
        Assert.Equal([Flavour.Plain, Flavour.Spicy], converter.GetStandardValues()!.Cast<Flavour>());
    }

    private static Values Bind(string[] arguments)
    {
        var values = new Values();
        var binder = new ParameterBinder(ParameterDescriptor.FindIn(values).ToList());
        binder.Bind(CommandLineArguments.Parse(arguments), new Dictionary<string, string>(StringComparer.Ordinal), [], new Kiln.Hosts.SecretMasker());
        return values;
    }

    // The shape `nuke :setup` writes for Configuration: public static fields and an object initializer.
    [TypeConverter(typeof(TypeConverter<Flavour>))]
    public sealed class Flavour : Enumeration
    {
#pragma warning disable CA2211 // The shape NUKE's generated file has, which a migrated build keeps.
        public static Flavour Plain = new() { Value = nameof(Plain) };
        public static Flavour Spicy = new() { Value = nameof(Spicy) };
#pragma warning restore CA2211
    }

    private sealed class Values
    {
        [Parameter]
        public Flavour Flavour { get; set; } = Flavour.Plain;
    }
}
