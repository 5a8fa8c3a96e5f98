using Kiln.Components;

namespace Kiln.UnitTests.Components;

public sealed class ConfigurationTests
{
    [Fact]
    public void Configuration_converts_to_its_name_for_tools()
    {
        string debug = Configuration.Debug;

        Assert.Equal("Debug", debug);
        Assert.Equal("Release", $"{Configuration.Release}");
    }

    [Theory]
    [InlineData(true, "Debug")]
    [InlineData(false, "Release")]
    public void Configuration_chosen_by_IsLocalBuild_reads_as_NUKEs(bool isLocalBuild, string expected)
    {
        var configuration = isLocalBuild ? Configuration.Debug : Configuration.Release;

        Assert.Equal(expected, configuration.Value);
    }

    [Fact]
    public void Configuration_values_compare_by_name()
    {
        Assert.True(Configuration.Release == new Configuration { Value = "release" });
        Assert.NotEqual(Configuration.Debug, Configuration.Release);
    }
}
