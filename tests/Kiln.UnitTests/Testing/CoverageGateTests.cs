using Kiln.Testing;

namespace Kiln.UnitTests.Testing;

public sealed class CoverageGateTests
{
    [Fact]
    public void CoverageGate_fails_coverage_below_the_threshold_naming_both_and_the_fix()
    {
        var gate = new CoverageGate(80);

        var exception = Assert.Throws<KilnException>(() => gate.Check(72.4321));

        Assert.Equal("Line coverage 72.4% is below the threshold 80%: add tests, or lower --coverage-threshold.", exception.Message);
    }

    [Fact]
    public void CoverageGate_passes_coverage_at_or_above_the_threshold()
    {
        var gate = new CoverageGate(80);

        Assert.True(gate.Passes(80));
        Assert.True(gate.Passes(91.2));
        Assert.Null(gate.FailureMessage(80));
        gate.Check(80);
    }

    [Fact]
    public void CoverageGate_compares_the_coverage_as_shown_to_one_decimal()
    {
        var gate = new CoverageGate(80);

        Assert.True(gate.Passes(79.96));
        Assert.False(gate.Passes(79.94));
    }

    [Fact]
    public void CoverageGate_shows_a_fractional_threshold_as_given()
    {
        Assert.Equal(
            "Line coverage 85.1% is below the threshold 85.5%: add tests, or lower --coverage-threshold.",
            new CoverageGate(85.5).FailureMessage(85.12));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100.5)]
    [InlineData(double.NaN)]
    public void CoverageGate_rejects_a_threshold_that_is_not_a_percentage(double threshold)
    {
        var exception = Assert.Throws<KilnException>(() => new CoverageGate(threshold));

        Assert.EndsWith("is not a percentage: give a number from 0 to 100.", exception.Message, StringComparison.Ordinal);
    }
}
