namespace Sample.Tests;

/// <summary>Written into the failing variant of the sample: one test whose expectation is wrong.</summary>
public sealed class BrokenExpectationTests
{
    [Fact]
    public void Add_of_two_and_two_is_five() => Assert.Equal(5, new Calculator().Add(2, 2));
}
