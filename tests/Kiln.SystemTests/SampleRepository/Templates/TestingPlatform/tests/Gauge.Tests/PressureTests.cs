namespace Gauge.Tests;

public class PressureTests
{
    [Fact]
    public void AHundredKilopascalsAreOneBar() => Assert.Equal(1, Pressure.ToBar(100));

    [Theory]
    [InlineData(0)]
    [InlineData(2.5)]
    public void ConvertingThereAndBackKeepsThePressure(double bar) =>
        Assert.Equal(bar, Pressure.ToBar(Pressure.ToKilopascals(bar)), precision: 10);
}
