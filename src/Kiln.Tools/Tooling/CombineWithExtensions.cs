namespace Kiln.Tooling;

/// <summary>Turns one settings object into several, for the task overloads that run each (NUKE's <c>CombineWith</c>).</summary>
public static class CombineWithExtensions
{
    /// <summary>One settings object per value, each configured with it.</summary>
    public static IEnumerable<T> CombineWith<T, TValue>(this T settings, IEnumerable<TValue> values, Func<T, TValue, T> configurator)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(configurator);
        return values.Select(value => configurator(settings, value)).ToList();
    }

    /// <summary>Each settings object combined with each value: the product of both.</summary>
    public static IEnumerable<T> CombineWith<T, TValue>(this IEnumerable<T> settings, IEnumerable<TValue> values, Func<T, TValue, T> configurator)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(configurator);
        var materialised = values.ToList();
        return settings.SelectMany(each => materialised.Select(value => configurator(each, value))).ToList();
    }

    /// <summary>One settings object per configurator.</summary>
    public static IEnumerable<T> CombineWith<T>(this T settings, params Configure<T>[] configurators)
    {
        ArgumentNullException.ThrowIfNull(configurators);
        return configurators.Select(configurator => configurator(settings)).ToList();
    }
}
