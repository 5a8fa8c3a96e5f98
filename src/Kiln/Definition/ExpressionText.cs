using System.Linq.Expressions;
using System.Text.RegularExpressions;

namespace Kiln.Definition;

/// <summary>Turns a lambda body into readable text for messages ("IsServerBuild", not "value(Build).IsServerBuild").</summary>
internal static partial class ExpressionText
{
    public static string Of(Expression body) => ClosurePrefix().Replace(body.ToString(), string.Empty);

    /// <summary>The member a lambda reads (<c>() =&gt; ApiKey</c> gives ApiKey), or null when it reads something else.</summary>
    public static System.Reflection.MemberInfo? MemberOf(LambdaExpression lambda)
    {
        var body = lambda.Body;
        while (body is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } unary)
        {
            body = unary.Operand;
        }

        return (body as MemberExpression)?.Member;
    }

    [GeneratedRegex(@"value\([^)]*\)\.")]
    private static partial Regex ClosurePrefix();
}
