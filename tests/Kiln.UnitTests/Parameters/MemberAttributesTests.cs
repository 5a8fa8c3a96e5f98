using System.ComponentModel;
using System.Reflection;
using Kiln.Parameters;

namespace Kiln.UnitTests.Parameters;

public class MemberAttributesTests
{
    [Fact]
    public void Find_reads_the_attribute_of_a_field_and_of_a_property()
    {
        Assert.Equal("The key.", MemberAttributes.Find<ParameterAttribute>(Member(nameof(Build.Key)))?.Description);
        Assert.NotNull(MemberAttributes.Find<SecretAttribute>(Member(nameof(Build.Key))));
        Assert.Equal("The name.", MemberAttributes.Find<ParameterAttribute>(Member(nameof(Build.Name)))?.Description);
    }

    [Fact]
    public void Find_reads_the_attribute_of_the_property_an_override_overrides()
    {
        Assert.Equal("The level.", MemberAttributes.Find<ParameterAttribute>(Member(nameof(Build.Level)))?.Description);
    }

    [Fact]
    public void Find_returns_null_for_a_member_with_other_attributes_or_none()
    {
        Assert.Null(MemberAttributes.Find<ParameterAttribute>(Member(nameof(Build.Described))));
        Assert.Null(MemberAttributes.Find<SecretAttribute>(Member(nameof(Build.Name))));
    }

    private static MemberInfo Member(string name) =>
        typeof(Build).GetMember(name, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly).Single();

    private class BaseBuild : KilnBuild
    {
        [Parameter("The level.")]
        public virtual int Level { get; set; }
    }

    private sealed class Build : BaseBuild
    {
        [Parameter("The key."), Secret]
        public string? Key = null;

        [Parameter("The name.")]
        public string Name { get; set; } = "";

        [Description("Not a parameter.")]
        public string Described { get; set; } = "";

        public override int Level { get; set; }
    }
}
