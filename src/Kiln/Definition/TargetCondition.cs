using System.Linq.Expressions;

namespace Kiln.Definition;

/// <summary>A boolean condition and the text that names it in messages.</summary>
internal sealed class TargetCondition(Expression<Func<bool>> expression)
{
    private readonly Func<bool> evaluate = expression.Compile();

    public string Text { get; } = ExpressionText.Of(expression.Body);

    public bool Evaluate() => evaluate();
}
