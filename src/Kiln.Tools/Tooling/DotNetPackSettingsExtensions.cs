namespace Kiln.Tooling;

/// <summary>NUKE's fluent setters of <c>dotnet pack</c>; each returns a changed copy.</summary>
public static class DotNetPackSettingsExtensions
{
    /// <summary>The configuration (Debug, Release); a Configuration value converts to its name.</summary>
    public static DotNetPackSettings SetConfiguration(this DotNetPackSettings settings, string? value)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { Configuration = value };
    }

    /// <summary>Back to the default: the configuration (Debug, Release); a Configuration value converts to its name.</summary>
    public static DotNetPackSettings ResetConfiguration(this DotNetPackSettings settings) => settings.SetConfiguration(null);

    /// <summary>Sets whether: pack what was built instead of building again.</summary>
    public static DotNetPackSettings SetNoBuild(this DotNetPackSettings settings, bool value)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { NoBuild = value };
    }

    /// <summary>pack what was built instead of building again.</summary>
    public static DotNetPackSettings EnableNoBuild(this DotNetPackSettings settings) => settings.SetNoBuild(true);

    /// <summary>Not: pack what was built instead of building again.</summary>
    public static DotNetPackSettings DisableNoBuild(this DotNetPackSettings settings) => settings.SetNoBuild(false);

    /// <summary>Flips whether: pack what was built instead of building again.</summary>
    public static DotNetPackSettings ToggleNoBuild(this DotNetPackSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.SetNoBuild(!settings.NoBuild);
    }

    /// <summary>Back to the default (off): pack what was built instead of building again.</summary>
    public static DotNetPackSettings ResetNoBuild(this DotNetPackSettings settings) => settings.SetNoBuild(false);

    /// <summary>Sets whether: skip the implicit restore.</summary>
    public static DotNetPackSettings SetNoRestore(this DotNetPackSettings settings, bool value)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { NoRestore = value };
    }

    /// <summary>skip the implicit restore.</summary>
    public static DotNetPackSettings EnableNoRestore(this DotNetPackSettings settings) => settings.SetNoRestore(true);

    /// <summary>Not: skip the implicit restore.</summary>
    public static DotNetPackSettings DisableNoRestore(this DotNetPackSettings settings) => settings.SetNoRestore(false);

    /// <summary>Flips whether: skip the implicit restore.</summary>
    public static DotNetPackSettings ToggleNoRestore(this DotNetPackSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.SetNoRestore(!settings.NoRestore);
    }

    /// <summary>Back to the default (off): skip the implicit restore.</summary>
    public static DotNetPackSettings ResetNoRestore(this DotNetPackSettings settings) => settings.SetNoRestore(false);

    /// <summary>Where the .nupkg files go.</summary>
    public static DotNetPackSettings SetOutputDirectory(this DotNetPackSettings settings, string? value)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { OutputDirectory = value };
    }

    /// <summary>Back to the default: where the .nupkg files go.</summary>
    public static DotNetPackSettings ResetOutputDirectory(this DotNetPackSettings settings) => settings.SetOutputDirectory(null);
}
