namespace Gauge.Parsing.Tests;

public class ReadingTests
{
    [Fact]
    public void AReadingInBarIsConverted() => Assert.Equal(240, Reading.ParseKilopascals("2.4 bar"), precision: 10);

    [Fact]
    public void AReadingInKilopascalsIsTakenAsItIs() => Assert.Equal(101.3, Reading.ParseKilopascals("101.3 kPa"));
}
