using System.Linq.Expressions;

namespace Kiln.Definition;

/// <summary>A boolean condition and the text that names it in messages.</summary>
internal sealed class TargetCondition(Expression<Func<bool>> expression)
{
    // Compiled on first use, and interpreted: a condition is evaluated once or twice per run, and most targets'
    // conditions never are (--help, --plan, targets not in the plan), so emitting IL for each would only slow the start.
    private readonly Lazy<Func<bool>> evaluate = new(() => expression.Compile(preferInterpretation: true));
    private string? text;

    public string Text => text ??= ExpressionText.Of(expression.Body);

    public bool Evaluate() => evaluate.Value();
}
