using NuGet.Packaging.Licenses;

namespace Kiln.Scanning.Dependencies;

/// <summary>
/// Evaluates an SPDX license expression against an allow list, parsed by NuGet's own SPDX parser (AND binds tighter
/// than OR; parentheses group). <c>A OR B</c> is allowed when either side is, <c>A AND B</c> when both are;
/// <c>A WITH E</c> when the list has the whole term or A (an exception only adds permissions); <c>A+</c> when the
/// list has A+ or A. Identifiers are compared ignoring case, as SPDX says.
/// </summary>
internal static class LicenseExpression
{
    /// <summary>Whether the expression is allowed.</summary>
    /// <exception cref="FormatException">The expression is not valid SPDX (the message says why).</exception>
    public static bool IsAllowed(string expression, IReadOnlySet<string> allowed)
    {
        NuGetLicenseExpression parsed;
        try
        {
            parsed = NuGetLicenseExpression.Parse(expression);
        }
        catch (Exception exception) when (exception is NuGetLicenseExpressionParsingException or ArgumentException)
        {
            throw new FormatException($"'{expression}' is not a valid SPDX license expression: {exception.Message}", exception);
        }

        return Evaluate(parsed, allowed);
    }

    /// <summary>
    /// The SPDX license identifier when the expression is a single standard license (MIT, Apache-2.0); null for a
    /// compound expression, a non-standard identifier or an invalid expression.
    /// </summary>
    public static string? StandardIdentifier(string expression)
    {
        try
        {
            return NuGetLicenseExpression.Parse(expression) is NuGetLicense { IsStandardLicense: true, Plus: false } license ? license.Identifier : null;
        }
        catch (Exception exception) when (exception is NuGetLicenseExpressionParsingException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Whether the expression parses as SPDX.</summary>
    public static bool IsValid(string expression)
    {
        try
        {
            NuGetLicenseExpression.Parse(expression);
            return true;
        }
        catch (Exception exception) when (exception is NuGetLicenseExpressionParsingException or ArgumentException)
        {
            return false;
        }
    }

    private static bool Evaluate(NuGetLicenseExpression expression, IReadOnlySet<string> allowed) => expression switch
    {
        NuGetLicense license => allowed.Contains(license.Identifier + (license.Plus ? "+" : ""))
            || allowed.Contains(license.Identifier),
        LogicalOperator { LogicalOperatorType: LogicalOperatorType.Or } or => Evaluate(or.Left, allowed) || Evaluate(or.Right, allowed),
        LogicalOperator and => Evaluate(and.Left, allowed) && Evaluate(and.Right, allowed),
        WithOperator with => allowed.Contains($"{with.License.Identifier} WITH {with.Exception.Identifier}") || Evaluate(with.License, allowed),
        _ => false,
    };
}
