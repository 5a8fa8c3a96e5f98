using System.Runtime.CompilerServices;

namespace Kiln;

/// <summary>
/// Parameters that components (interfaces with default implementations) declare. An interface has no fields, so its
/// parameter is a property marked <see cref="ParameterAttribute"/> whose getter asks for the bound value:
/// <code>
/// [Parameter("Configuration to build: Debug locally, Release on CI.")]
/// Configuration Configuration => this.ParameterValue(KilnBuild.IsLocalBuild ? Configuration.Debug : Configuration.Release);
/// </code>
/// The value from the command line, the environment or the parameters files is returned when one was given, the
/// default otherwise (which <c>--help</c> shows). A build overrides the parameter by implementing the property
/// itself: <c>[Parameter] public Configuration Configuration { get; init; } = Configuration.Release;</c>.
/// </summary>
public static class ComponentParameters
{
    private static readonly ConditionalWeakTable<object, Dictionary<(Type Component, string Member), object?>> Values = new();

    /// <summary>The value bound to the calling parameter property of <typeparamref name="TComponent"/>, or <paramref name="defaultValue"/> when no source gave one.</summary>
    /// <param name="component">The build, as the component (<c>this</c> inside the interface).</param>
    /// <param name="defaultValue">The value when no source sets the parameter.</param>
    /// <param name="member">The parameter property; the compiler fills it in.</param>
    public static T ParameterValue<TComponent, T>(this TComponent component, T defaultValue, [CallerMemberName] string member = "")
        where TComponent : class
    {
        ArgumentNullException.ThrowIfNull(component);
        if (Values.TryGetValue(component, out var values))
        {
            lock (values)
            {
                if (values.TryGetValue((typeof(TComponent), member), out var value))
                {
                    return (T)value!;
                }
            }
        }

        return defaultValue;
    }

    /// <summary>The value bound to <paramref name="member"/> of <paramref name="component"/>, if one was.</summary>
    internal static bool TryGet(object build, Type component, string member, out object? value)
    {
        value = null;
        if (!Values.TryGetValue(build, out var values))
        {
            return false;
        }

        lock (values)
        {
            return values.TryGetValue((component, member), out value);
        }
    }

    internal static void Bind(object build, Type component, string member, object? value)
    {
        var values = Values.GetOrCreateValue(build);
        lock (values)
        {
            values[(component, member)] = value;
        }
    }
}
