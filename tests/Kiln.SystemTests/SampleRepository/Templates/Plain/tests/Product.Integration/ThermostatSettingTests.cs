namespace Product.Integration;

public sealed class ThermostatSettingTests
{
    [Fact]
    public void Keeps_its_target() => Assert.Equal(21, new Thermostat(21).Target);
}
