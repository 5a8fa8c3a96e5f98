using Kiln.Scanning.Dependencies;

namespace Kiln.UnitTests.Scanning.Dependencies;

public sealed class LicenseExpressionTests
{
    private static readonly HashSet<string> Allowed = new(LicensePolicy.DefaultAllowed, StringComparer.OrdinalIgnoreCase);

    [Theory]
    [InlineData("MIT OR GPL-3.0-only")]
    [InlineData("GPL-3.0-only OR MIT")]
    public void Or_is_allowed_when_either_side_is(string expression) =>
        Assert.True(LicenseExpression.IsAllowed(expression, Allowed));

    [Fact]
    public void Or_is_not_allowed_when_neither_side_is() =>
        Assert.False(LicenseExpression.IsAllowed("GPL-3.0-only OR LGPL-2.1-only", Allowed));

    [Theory]
    [InlineData("MIT AND Apache-2.0", true)]
    [InlineData("MIT AND GPL-3.0-only", false)]
    public void And_is_allowed_only_when_both_sides_are(string expression, bool allowed) =>
        Assert.Equal(allowed, LicenseExpression.IsAllowed(expression, Allowed));

    [Theory]
    [InlineData("(MIT AND GPL-3.0-only) OR Apache-2.0", true)]
    [InlineData("MIT AND (GPL-3.0-only OR LGPL-2.1-only)", false)]
    [InlineData("MIT AND GPL-3.0-only OR Apache-2.0", true)]
    public void Parentheses_group_and_AND_binds_tighter_than_OR(string expression, bool allowed) =>
        Assert.Equal(allowed, LicenseExpression.IsAllowed(expression, Allowed));

    [Fact]
    public void With_is_allowed_when_its_license_is() =>
        Assert.True(LicenseExpression.IsAllowed("Apache-2.0 WITH LLVM-exception", Allowed));

    [Fact]
    public void With_is_allowed_when_the_whole_term_is_listed()
    {
        var allowed = new HashSet<string>(["GPL-2.0-only WITH Classpath-exception-2.0"], StringComparer.OrdinalIgnoreCase);

        Assert.True(LicenseExpression.IsAllowed("GPL-2.0-only WITH Classpath-exception-2.0", allowed));
        Assert.False(LicenseExpression.IsAllowed("GPL-2.0-only", allowed));
    }

    [Fact]
    public void Identifiers_compare_ignoring_case() =>
        Assert.True(LicenseExpression.IsAllowed("mit", Allowed));

    [Fact]
    public void An_invalid_expression_is_a_format_error_that_quotes_it()
    {
        var exception = Assert.Throws<FormatException>(() => LicenseExpression.IsAllowed("MIT OR", Allowed));

        Assert.Contains("'MIT OR' is not a valid SPDX license expression", exception.Message, StringComparison.Ordinal);
    }
}
