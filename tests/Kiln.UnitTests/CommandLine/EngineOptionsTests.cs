using System.Reflection;
using Kiln.CommandLine;
using Kiln.Hosts;

namespace Kiln.UnitTests.CommandLine;

public class EngineOptionsTests
{
    [Fact]
    public void Every_option_property_is_described_once_with_its_own_name_and_type()
    {
        var properties = typeof(EngineOptions).GetProperties(BindingFlags.Instance | BindingFlags.Public)
            .Select(property => (property.Name, property.PropertyType))
            .Order()
            .ToList();

        var described = new EngineOptions().Describe().Select(option => (option.Name, option.Type)).Order().ToList();

        Assert.Equal(properties, described);
    }

    [Fact]
    public void A_described_option_reads_and_writes_its_own_property()
    {
        var options = new EngineOptions();
        var descriptors = options.Describe().ToDictionary(option => option.Name);

        descriptors["MaxParallel"].SetValue(3);
        string[] skipped = ["Scan"];
        descriptors["Skip"].SetValue(skipped);
        descriptors["Verbosity"].SetValue(Verbosity.Quiet);
        descriptors["Plan"].SetValue(true);

        Assert.Equal((3, skipped, Verbosity.Quiet, true), (options.MaxParallel, options.Skip, options.Verbosity, options.Plan));
        Assert.Equal("Normal", new EngineOptions().Describe().Single(option => option.Name == "Verbosity").DefaultText);
    }
}
