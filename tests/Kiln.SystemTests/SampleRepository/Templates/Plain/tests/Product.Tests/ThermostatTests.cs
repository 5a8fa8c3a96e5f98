namespace Product.Tests;

public sealed class ThermostatTests
{
    [Fact]
    public void Heats_below_the_target() => Assert.True(new Thermostat(20).Heats(19));

    [Fact]
    public void Rests_at_the_target() => Assert.False(new Thermostat(20).Heats(20));
}
