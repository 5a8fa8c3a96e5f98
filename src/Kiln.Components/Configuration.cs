using System.ComponentModel;
using Kiln.Tooling;

namespace Kiln.Components;

/// <summary>
/// The configuration a solution builds in (<see cref="IHazConfiguration.Configuration"/>), NUKE's value type: Debug
/// locally, Release on CI (<c>IsLocalBuild ? Configuration.Debug : Configuration.Release</c>), and text wherever a
/// tool wants it. As a parameter it takes <c>--configuration Release</c>, ignoring case.
/// </summary>
[TypeConverter(typeof(TypeConverter<Configuration>))]
public sealed class Configuration : Enumeration
{
    /// <summary>Local development: no optimisation, full debugging.</summary>
    public static Configuration Debug { get; } = new() { Value = nameof(Debug) };

    /// <summary>CI and releases: optimised.</summary>
    public static Configuration Release { get; } = new() { Value = nameof(Release) };

    /// <summary>The configuration's name, as <c>dotnet build --configuration</c> takes it.</summary>
    /// <param name="configuration">The configuration.</param>
    public static implicit operator string(Configuration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.Value;
    }
}
