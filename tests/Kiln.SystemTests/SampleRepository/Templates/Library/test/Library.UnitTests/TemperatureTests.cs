namespace Library.UnitTests;

public class TemperatureTests
{
    [Fact]
    public void WaterFreezesAt32Fahrenheit() => Assert.Equal(32, Temperature.ToFahrenheit(0));

    [Fact]
    public void WaterBoilsAt100Celsius() => Assert.Equal(100, Temperature.ToCelsius(212));

    [Theory]
    [InlineData(-40)]
    [InlineData(37)]
    public void ConvertingThereAndBackKeepsTheTemperature(double celsius) =>
        Assert.Equal(celsius, Temperature.ToCelsius(Temperature.ToFahrenheit(celsius)), precision: 10);
}
