using System.Globalization;

namespace Kiln.Tooling;

/// <summary>
/// NUKE's fluent setters for what every dotnet command shares. Each returns a changed copy and leaves the settings it
/// was called on as they were, so one base configuration can be shared by several tasks.
/// </summary>
public static class DotNetSettingsExtensions
{
    /// <summary>The project or solution file.</summary>
    public static T SetProjectFile<T>(this T settings, string? projectFile)
        where T : DotNetSettings => With(settings, settings with { Project = projectFile });

    /// <summary>No project: the one in the working directory.</summary>
    public static T ResetProjectFile<T>(this T settings)
        where T : DotNetSettings => SetProjectFile(settings, null);

    /// <summary>The project or solution file (NUKE's name on pack and publish).</summary>
    public static T SetProject<T>(this T settings, string? project)
        where T : DotNetSettings => SetProjectFile(settings, project);

    /// <summary>No project: the one in the working directory.</summary>
    public static T ResetProject<T>(this T settings)
        where T : DotNetSettings => SetProjectFile(settings, null);

    /// <summary>MSBuild's verbosity.</summary>
    public static T SetVerbosity<T>(this T settings, DotNetVerbosity? verbosity)
        where T : DotNetSettings => With(settings, settings with { Verbosity = verbosity?.Value });

    /// <summary>MSBuild's verbosity: dotnet's default.</summary>
    public static T ResetVerbosity<T>(this T settings)
        where T : DotNetSettings => With(settings, settings with { Verbosity = null });

    /// <summary>An MSBuild property (-p:Name=Value), replacing one of that name.</summary>
    public static T SetProperty<T>(this T settings, string name, object value)
        where T : DotNetSettings
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        var properties = new Dictionary<string, string>(settings.Properties) { [name] = Text(value) };
        return With(settings, settings with { Properties = properties });
    }

    /// <summary>The MSBuild properties, replacing all set before.</summary>
    public static T SetProperties<T>(this T settings, IReadOnlyDictionary<string, object> properties)
        where T : DotNetSettings
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(properties);
        return With(settings, settings with { Properties = properties.ToDictionary(property => property.Key, property => Text(property.Value)) });
    }

    /// <summary>Adds MSBuild properties, replacing those of the same names.</summary>
    public static T AddProperties<T>(this T settings, IReadOnlyDictionary<string, object> properties)
        where T : DotNetSettings
    {
        ArgumentNullException.ThrowIfNull(properties);
        return properties.Aggregate(settings, (each, property) => each.SetProperty(property.Key, property.Value));
    }

    /// <summary>Removes an MSBuild property.</summary>
    public static T RemoveProperty<T>(this T settings, string name)
        where T : DotNetSettings
    {
        ArgumentNullException.ThrowIfNull(settings);
        var properties = new Dictionary<string, string>(settings.Properties);
        properties.Remove(name);
        return With(settings, settings with { Properties = properties });
    }

    /// <summary>Removes every MSBuild property.</summary>
    public static T ClearProperties<T>(this T settings)
        where T : DotNetSettings => With(settings, settings with { Properties = new Dictionary<string, string>() });

    /// <summary>The package and assembly version: -p:Version.</summary>
    public static T SetVersion<T>(this T settings, string version)
        where T : DotNetSettings => settings.SetProperty("Version", version);

    /// <summary>-p:AssemblyVersion.</summary>
    public static T SetAssemblyVersion<T>(this T settings, string version)
        where T : DotNetSettings => settings.SetProperty("AssemblyVersion", version);

    /// <summary>-p:FileVersion.</summary>
    public static T SetFileVersion<T>(this T settings, string version)
        where T : DotNetSettings => settings.SetProperty("FileVersion", version);

    /// <summary>-p:InformationalVersion.</summary>
    public static T SetInformationalVersion<T>(this T settings, string version)
        where T : DotNetSettings => settings.SetProperty("InformationalVersion", version);

    /// <summary>-p:PackageReleaseNotes.</summary>
    public static T SetPackageReleaseNotes<T>(this T settings, string releaseNotes)
        where T : DotNetSettings => settings.SetProperty("PackageReleaseNotes", releaseNotes);

    /// <summary>-p:Copyright.</summary>
    public static T SetCopyright<T>(this T settings, string copyright)
        where T : DotNetSettings => settings.SetProperty("Copyright", copyright);

    /// <summary>-p:ContinuousIntegrationBuild, for deterministic paths on CI.</summary>
    public static T SetContinuousIntegrationBuild<T>(this T settings, bool value)
        where T : DotNetSettings => settings.SetProperty("ContinuousIntegrationBuild", value);

    /// <summary>The working directory; the root directory when null.</summary>
    public static T SetProcessWorkingDirectory<T>(this T settings, string? workingDirectory)
        where T : DotNetSettings => With(settings, settings with { WorkingDirectory = workingDirectory });

    /// <summary>A variable of the tool's environment (null removes it from the environment the build has).</summary>
    public static T SetProcessEnvironmentVariable<T>(this T settings, string name, string? value)
        where T : DotNetSettings
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var environment = new Dictionary<string, string?>(settings.Environment) { [name] = value };
        return With(settings, settings with { Environment = environment });
    }

    /// <summary>Kills the tool and fails after this many milliseconds (NUKE's unit); no limit when null.</summary>
    public static T SetProcessExecutionTimeout<T>(this T settings, int? milliseconds)
        where T : DotNetSettings => With(settings, settings with { Timeout = milliseconds is { } value ? TimeSpan.FromMilliseconds(value) : null });

    /// <summary>The copy a <c>with</c> on the base record made, as the caller's type (a record's copy keeps its runtime type).</summary>
    private static T With<T>(T settings, DotNetSettings copy)
        where T : DotNetSettings
    {
        ArgumentNullException.ThrowIfNull(settings);
        return (T)copy;
    }

    private static string Text(object value) => value switch
    {
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
