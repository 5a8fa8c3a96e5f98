using System.Linq.Expressions;
using System.Reflection;

namespace Kiln;

/// <summary>
/// The build as its components see it, as NUKE's <c>INukeBuild</c>: a component interface that extends it declares
/// parameters and injected values with <see cref="TryGetValue{T}"/>, which an interface needs for want of fields:
/// <code>
/// interface IHazApiKey : IKilnBuild
/// {
///     [Parameter("Key of the package feed"), Secret] string ApiKey =&gt; TryGetValue(() =&gt; ApiKey);
///     [Solution] Solution Solution =&gt; TryGetValue(() =&gt; Solution);
/// }
/// </code>
/// <see cref="KilnBuild"/> implements it, so every build can inherit such components.
/// </summary>
public interface IKilnBuild
{
    /// <summary>
    /// The value bound to a component's <see cref="ParameterAttribute">parameter</see> or set by its
    /// <see cref="Injection.ValueInjectionAttribute">injection attribute</see>; default (null) when there is none, so
    /// <c>TryGetValue(() =&gt; X) ?? fallback</c> names a default. The expression is only read, never run.
    /// </summary>
    /// <param name="member">The property asking, as <c>() =&gt; Property</c>.</param>
    /// <exception cref="ArgumentException">The expression does not name a property.</exception>
    T? TryGetValue<T>(Expression<Func<T>> member)
    {
        ArgumentNullException.ThrowIfNull(member);
        var body = member.Body is UnaryExpression { NodeType: ExpressionType.Convert } conversion ? conversion.Operand : member.Body;
        return body is MemberExpression { Member: PropertyInfo property }
            ? ComponentParameters.TryGet(this, property.DeclaringType!, property.Name, out var value) ? (T?)value : default
            : throw new ArgumentException($"TryGetValue takes the property asking for its value, as () => {typeof(T).Name}, not {member.Body}.", nameof(member));
    }
}
