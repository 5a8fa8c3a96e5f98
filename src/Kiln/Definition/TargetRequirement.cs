using System.Linq.Expressions;
using System.Reflection;

namespace Kiln.Definition;

/// <summary>Something a target needs before the build starts: a parameter with a value, or a true condition.</summary>
internal sealed class TargetRequirement
{
    private readonly Func<object?> evaluate;
    private readonly Lazy<IReadOnlyList<MemberInfo>> members;
    private readonly Lazy<string> text;

    private TargetRequirement(LambdaExpression expression, bool isCondition, string? message = null)
    {
        Message = message;
        // Compiled on first use and interpreted: requirements are checked once, for the planned targets only.
        var compiled = new Lazy<Delegate>(() => expression.Compile(preferInterpretation: true));
        evaluate = () =>
        {
            try
            {
                return compiled.Value.DynamicInvoke();
            }
            catch (TargetInvocationException exception) when (exception.InnerException is KilnException refusal)
            {
                // A condition may refuse with its own message (one that names what it found): that line, not a wrapper.
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(refusal).Throw();
                throw;
            }
        };
        IsCondition = isCondition;
        Member = isCondition ? null : ExpressionText.MemberOf(expression);

        // Only workflow generation and messages read these; --help and most runs never do.
        members = new Lazy<IReadOnlyList<MemberInfo>>(() => isCondition ? MemberCollector.Collect(expression.Body) : Member is null ? [] : [Member]);
        text = new Lazy<string>(() => ExpressionText.Of(expression.Body));
    }

    /// <summary>True for <c>Requires(() =&gt; condition)</c>, false for <c>Requires(() =&gt; Parameter)</c>.</summary>
    public bool IsCondition { get; }

    /// <summary>The parameter member a value requirement reads.</summary>
    public MemberInfo? Member { get; }

    /// <summary>Every field and property the requirement reads: a workflow hands those parameters to the target's job.</summary>
    public IReadOnlyList<MemberInfo> Members => members.Value;

    public string Text => text.Value;

    /// <summary>What to say when the condition is false, in place of the generic line; null for that line.</summary>
    public string? Message { get; }

    public static TargetRequirement ForValue(LambdaExpression expression) => new(expression, isCondition: false);

    public static TargetRequirement ForCondition(Expression<Func<bool>> expression, string? message = null) => new(expression, isCondition: true, message);

    /// <summary>True when the requirement holds: the condition is true, or the value is present and not empty.</summary>
    public bool IsSatisfied()
    {
        var value = evaluate();
        return value switch
        {
            null => false,
            bool flag when IsCondition => flag,
            string text => !string.IsNullOrWhiteSpace(text),
            System.Collections.ICollection collection => collection.Count > 0,
            _ => true,
        };
    }

    /// <summary>Finds the fields and properties an expression reads.</summary>
    private sealed class MemberCollector : ExpressionVisitor
    {
        private readonly List<MemberInfo> members = [];

        public static List<MemberInfo> Collect(Expression expression)
        {
            var collector = new MemberCollector();
            collector.Visit(expression);
            return collector.members;
        }

        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Member is FieldInfo or PropertyInfo)
            {
                members.Add(node.Member);
            }

            return base.VisitMember(node);
        }
    }
}
