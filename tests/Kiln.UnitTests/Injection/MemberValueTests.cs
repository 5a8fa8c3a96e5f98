using System.Reflection;
using Kiln.Injection;

namespace Kiln.UnitTests.Injection;

public sealed class MemberValueTests
{
    private const BindingFlags Members = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    [Fact]
    public void A_field_a_property_with_a_setter_and_a_get_only_auto_property_are_set()
    {
        var owner = new Owner();

        Assert.True(MemberValue.TrySet(Member("stored"), owner, "a"));
        Assert.True(MemberValue.TrySet(Member(nameof(Owner.WithSetter)), owner, "b"));
        Assert.True(MemberValue.TrySet(Member(nameof(Owner.GetOnly)), owner, "c"));

        Assert.Equal("a", owner.Stored);
        Assert.Equal("b", owner.WithSetter);
        Assert.Equal("c", owner.GetOnly);
    }

    [Fact]
    public void A_computed_property_cannot_be_set()
    {
        var owner = new Owner();

        Assert.False(MemberValue.TrySet(Member(nameof(Owner.Computed)), owner, "d"));
        Assert.Null(owner.Stored);
    }

    private static MemberInfo Member(string name) => typeof(Owner).GetMember(name, Members).Single();

    private sealed class Owner
    {
#pragma warning disable CS0649 // Set by reflection.
        private readonly string? stored;
#pragma warning restore CS0649

        public string? Stored => stored;

        public string? WithSetter { get; set; }

        public string? GetOnly { get; }

        public string? Computed => stored;
    }
}
