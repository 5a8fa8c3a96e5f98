namespace Kiln.Tooling;

/// <summary>NUKE's fluent setters of <c>dotnet build</c>; each returns a changed copy.</summary>
public static class DotNetBuildSettingsExtensions
{
    /// <summary>The configuration (Debug, Release); a Configuration value converts to its name.</summary>
    public static DotNetBuildSettings SetConfiguration(this DotNetBuildSettings settings, string? value)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { Configuration = value };
    }

    /// <summary>Back to the default: the configuration (Debug, Release); a Configuration value converts to its name.</summary>
    public static DotNetBuildSettings ResetConfiguration(this DotNetBuildSettings settings) => settings.SetConfiguration(null);

    /// <summary>Sets whether: skip the implicit restore.</summary>
    public static DotNetBuildSettings SetNoRestore(this DotNetBuildSettings settings, bool value)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { NoRestore = value };
    }

    /// <summary>skip the implicit restore.</summary>
    public static DotNetBuildSettings EnableNoRestore(this DotNetBuildSettings settings) => settings.SetNoRestore(true);

    /// <summary>Not: skip the implicit restore.</summary>
    public static DotNetBuildSettings DisableNoRestore(this DotNetBuildSettings settings) => settings.SetNoRestore(false);

    /// <summary>Flips whether: skip the implicit restore.</summary>
    public static DotNetBuildSettings ToggleNoRestore(this DotNetBuildSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.SetNoRestore(!settings.NoRestore);
    }

    /// <summary>Back to the default (off): skip the implicit restore.</summary>
    public static DotNetBuildSettings ResetNoRestore(this DotNetBuildSettings settings) => settings.SetNoRestore(false);

    /// <summary>The target framework to build, of a multi-targeted project.</summary>
    public static DotNetBuildSettings SetFramework(this DotNetBuildSettings settings, string? value)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { Framework = value };
    }

    /// <summary>Back to the default: the target framework to build, of a multi-targeted project.</summary>
    public static DotNetBuildSettings ResetFramework(this DotNetBuildSettings settings) => settings.SetFramework(null);

    /// <summary>The runtime identifier to build for.</summary>
    public static DotNetBuildSettings SetRuntime(this DotNetBuildSettings settings, string? value)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { Runtime = value };
    }

    /// <summary>Back to the default: the runtime identifier to build for.</summary>
    public static DotNetBuildSettings ResetRuntime(this DotNetBuildSettings settings) => settings.SetRuntime(null);

    /// <summary>Where the build output goes.</summary>
    public static DotNetBuildSettings SetOutputDirectory(this DotNetBuildSettings settings, string? value)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { OutputDirectory = value };
    }

    /// <summary>Back to the default: where the build output goes.</summary>
    public static DotNetBuildSettings ResetOutputDirectory(this DotNetBuildSettings settings) => settings.SetOutputDirectory(null);

    /// <summary>Sets whether: build everything again.</summary>
    public static DotNetBuildSettings SetNoIncremental(this DotNetBuildSettings settings, bool value)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { NoIncremental = value };
    }

    /// <summary>build everything again.</summary>
    public static DotNetBuildSettings EnableNoIncremental(this DotNetBuildSettings settings) => settings.SetNoIncremental(true);

    /// <summary>Not: build everything again.</summary>
    public static DotNetBuildSettings DisableNoIncremental(this DotNetBuildSettings settings) => settings.SetNoIncremental(false);

    /// <summary>Flips whether: build everything again.</summary>
    public static DotNetBuildSettings ToggleNoIncremental(this DotNetBuildSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.SetNoIncremental(!settings.NoIncremental);
    }

    /// <summary>Back to the default (off): build everything again.</summary>
    public static DotNetBuildSettings ResetNoIncremental(this DotNetBuildSettings settings) => settings.SetNoIncremental(false);
}
