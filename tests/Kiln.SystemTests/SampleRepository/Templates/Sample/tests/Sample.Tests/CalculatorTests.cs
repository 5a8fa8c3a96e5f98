namespace Sample.Tests;

public sealed class CalculatorTests
{
    [Fact]
    public void Add_returns_the_sum() => Assert.Equal(5, new Calculator().Add(2, 3));

    [Fact]
    public void Subtract_returns_the_difference() => Assert.Equal(-1, new Calculator().Subtract(2, 3));

    [Fact]
    public void Divide_by_zero_throws() => Assert.Throws<DivideByZeroException>(() => new Calculator().Divide(1, 0));
}
