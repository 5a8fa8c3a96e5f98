namespace Kiln.Tooling;

/// <summary>NUKE's fluent setters of <c>dotnet run</c>; each returns a changed copy.</summary>
public static class DotNetRunSettingsExtensions
{
    /// <summary>The configuration (Debug, Release); a Configuration value converts to its name.</summary>
    public static DotNetRunSettings SetConfiguration(this DotNetRunSettings settings, string? value)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { Configuration = value };
    }

    /// <summary>Back to the default: the configuration (Debug, Release); a Configuration value converts to its name.</summary>
    public static DotNetRunSettings ResetConfiguration(this DotNetRunSettings settings) => settings.SetConfiguration(null);

    /// <summary>Sets whether: run what was built instead of building again.</summary>
    public static DotNetRunSettings SetNoBuild(this DotNetRunSettings settings, bool value)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { NoBuild = value };
    }

    /// <summary>run what was built instead of building again.</summary>
    public static DotNetRunSettings EnableNoBuild(this DotNetRunSettings settings) => settings.SetNoBuild(true);

    /// <summary>Not: run what was built instead of building again.</summary>
    public static DotNetRunSettings DisableNoBuild(this DotNetRunSettings settings) => settings.SetNoBuild(false);

    /// <summary>Flips whether: run what was built instead of building again.</summary>
    public static DotNetRunSettings ToggleNoBuild(this DotNetRunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.SetNoBuild(!settings.NoBuild);
    }

    /// <summary>Back to the default (off): run what was built instead of building again.</summary>
    public static DotNetRunSettings ResetNoBuild(this DotNetRunSettings settings) => settings.SetNoBuild(false);

    /// <summary>Sets whether: skip the implicit restore.</summary>
    public static DotNetRunSettings SetNoRestore(this DotNetRunSettings settings, bool value)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { NoRestore = value };
    }

    /// <summary>skip the implicit restore.</summary>
    public static DotNetRunSettings EnableNoRestore(this DotNetRunSettings settings) => settings.SetNoRestore(true);

    /// <summary>Not: skip the implicit restore.</summary>
    public static DotNetRunSettings DisableNoRestore(this DotNetRunSettings settings) => settings.SetNoRestore(false);

    /// <summary>Flips whether: skip the implicit restore.</summary>
    public static DotNetRunSettings ToggleNoRestore(this DotNetRunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.SetNoRestore(!settings.NoRestore);
    }

    /// <summary>Back to the default (off): skip the implicit restore.</summary>
    public static DotNetRunSettings ResetNoRestore(this DotNetRunSettings settings) => settings.SetNoRestore(false);

    /// <summary>The target framework to run.</summary>
    public static DotNetRunSettings SetFramework(this DotNetRunSettings settings, string? value)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { Framework = value };
    }

    /// <summary>Back to the default: the target framework to run.</summary>
    public static DotNetRunSettings ResetFramework(this DotNetRunSettings settings) => settings.SetFramework(null);

    /// <summary>The runtime identifier to run for.</summary>
    public static DotNetRunSettings SetRuntime(this DotNetRunSettings settings, string? value)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { Runtime = value };
    }

    /// <summary>Back to the default: the runtime identifier to run for.</summary>
    public static DotNetRunSettings ResetRuntime(this DotNetRunSettings settings) => settings.SetRuntime(null);

    /// <summary>The launch profile of launchSettings.json.</summary>
    public static DotNetRunSettings SetLaunchProfile(this DotNetRunSettings settings, string? value)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { LaunchProfile = value };
    }

    /// <summary>Back to the default: the launch profile of launchSettings.json.</summary>
    public static DotNetRunSettings ResetLaunchProfile(this DotNetRunSettings settings) => settings.SetLaunchProfile(null);

    /// <summary>Sets whether: ignore launchSettings.json.</summary>
    public static DotNetRunSettings SetNoLaunchProfile(this DotNetRunSettings settings, bool value)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { NoLaunchProfile = value };
    }

    /// <summary>ignore launchSettings.json.</summary>
    public static DotNetRunSettings EnableNoLaunchProfile(this DotNetRunSettings settings) => settings.SetNoLaunchProfile(true);

    /// <summary>Not: ignore launchSettings.json.</summary>
    public static DotNetRunSettings DisableNoLaunchProfile(this DotNetRunSettings settings) => settings.SetNoLaunchProfile(false);

    /// <summary>Flips whether: ignore launchSettings.json.</summary>
    public static DotNetRunSettings ToggleNoLaunchProfile(this DotNetRunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.SetNoLaunchProfile(!settings.NoLaunchProfile);
    }

    /// <summary>Back to the default (off): ignore launchSettings.json.</summary>
    public static DotNetRunSettings ResetNoLaunchProfile(this DotNetRunSettings settings) => settings.SetNoLaunchProfile(false);

    /// <summary>The application's arguments as one command line, split at spaces outside double quotes (NUKE's shape).</summary>
    public static DotNetRunSettings SetApplicationArguments(this DotNetRunSettings settings, string arguments)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { ApplicationArguments = CommandLineSplitter.Split(arguments) };
    }

    /// <summary>The application's arguments, each as it should reach it.</summary>
    public static DotNetRunSettings SetApplicationArguments(this DotNetRunSettings settings, params IEnumerable<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(arguments);
        return settings with { ApplicationArguments = [.. arguments] };
    }

    /// <summary>No application arguments.</summary>
    public static DotNetRunSettings ResetApplicationArguments(this DotNetRunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { ApplicationArguments = [] };
    }
}
