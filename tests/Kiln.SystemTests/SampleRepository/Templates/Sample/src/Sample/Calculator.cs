namespace Sample;

/// <summary>The sample's code under test.</summary>
public sealed class Calculator
{
    public int Add(int left, int right) => left + right;

    public int Subtract(int left, int right) => left - right;

    public int Divide(int dividend, int divisor) =>
        divisor == 0 ? throw new DivideByZeroException("The divisor is zero.") : dividend / divisor;
}
