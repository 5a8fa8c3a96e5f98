namespace Kiln.Tooling;

/// <summary>NUKE's fluent setters of <c>dotnet publish</c>; each returns a changed copy.</summary>
public static class DotNetPublishSettingsExtensions
{
    /// <summary>The configuration (Debug, Release); a Configuration value converts to its name.</summary>
    public static DotNetPublishSettings SetConfiguration(this DotNetPublishSettings settings, string? value)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { Configuration = value };
    }

    /// <summary>Back to the default: the configuration (Debug, Release); a Configuration value converts to its name.</summary>
    public static DotNetPublishSettings ResetConfiguration(this DotNetPublishSettings settings) => settings.SetConfiguration(null);

    /// <summary>Sets whether: publish what was built instead of building again.</summary>
    public static DotNetPublishSettings SetNoBuild(this DotNetPublishSettings settings, bool value)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { NoBuild = value };
    }

    /// <summary>publish what was built instead of building again.</summary>
    public static DotNetPublishSettings EnableNoBuild(this DotNetPublishSettings settings) => settings.SetNoBuild(true);

    /// <summary>Not: publish what was built instead of building again.</summary>
    public static DotNetPublishSettings DisableNoBuild(this DotNetPublishSettings settings) => settings.SetNoBuild(false);

    /// <summary>Flips whether: publish what was built instead of building again.</summary>
    public static DotNetPublishSettings ToggleNoBuild(this DotNetPublishSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.SetNoBuild(!settings.NoBuild);
    }

    /// <summary>Back to the default (off): publish what was built instead of building again.</summary>
    public static DotNetPublishSettings ResetNoBuild(this DotNetPublishSettings settings) => settings.SetNoBuild(false);

    /// <summary>Sets whether: skip the implicit restore.</summary>
    public static DotNetPublishSettings SetNoRestore(this DotNetPublishSettings settings, bool value)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { NoRestore = value };
    }

    /// <summary>skip the implicit restore.</summary>
    public static DotNetPublishSettings EnableNoRestore(this DotNetPublishSettings settings) => settings.SetNoRestore(true);

    /// <summary>Not: skip the implicit restore.</summary>
    public static DotNetPublishSettings DisableNoRestore(this DotNetPublishSettings settings) => settings.SetNoRestore(false);

    /// <summary>Flips whether: skip the implicit restore.</summary>
    public static DotNetPublishSettings ToggleNoRestore(this DotNetPublishSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.SetNoRestore(!settings.NoRestore);
    }

    /// <summary>Back to the default (off): skip the implicit restore.</summary>
    public static DotNetPublishSettings ResetNoRestore(this DotNetPublishSettings settings) => settings.SetNoRestore(false);

    /// <summary>The target framework to publish.</summary>
    public static DotNetPublishSettings SetFramework(this DotNetPublishSettings settings, string? value)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { Framework = value };
    }

    /// <summary>Back to the default: the target framework to publish.</summary>
    public static DotNetPublishSettings ResetFramework(this DotNetPublishSettings settings) => settings.SetFramework(null);

    /// <summary>The runtime identifier to publish for.</summary>
    public static DotNetPublishSettings SetRuntime(this DotNetPublishSettings settings, string? value)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { Runtime = value };
    }

    /// <summary>Back to the default: the runtime identifier to publish for.</summary>
    public static DotNetPublishSettings ResetRuntime(this DotNetPublishSettings settings) => settings.SetRuntime(null);

    /// <summary>Where the published files go.</summary>
    public static DotNetPublishSettings SetOutput(this DotNetPublishSettings settings, string? value)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { Output = value };
    }

    /// <summary>Back to the default: where the published files go.</summary>
    public static DotNetPublishSettings ResetOutput(this DotNetPublishSettings settings) => settings.SetOutput(null);

    /// <summary>Whether the .NET runtime goes along; the project's choice when null.</summary>
    public static DotNetPublishSettings SetSelfContained(this DotNetPublishSettings settings, bool? value)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { SelfContained = value };
    }

    /// <summary>Back to the default: whether the .NET runtime goes along; the project's choice when null.</summary>
    public static DotNetPublishSettings ResetSelfContained(this DotNetPublishSettings settings) => settings.SetSelfContained(null);

    /// <summary>The .NET runtime goes along.</summary>
    public static DotNetPublishSettings EnableSelfContained(this DotNetPublishSettings settings) => settings.SetSelfContained(true);

    /// <summary>The .NET runtime does not go along.</summary>
    public static DotNetPublishSettings DisableSelfContained(this DotNetPublishSettings settings) => settings.SetSelfContained(false);

    /// <summary>-p:PublishSingleFile: one executable.</summary>
    public static DotNetPublishSettings SetPublishSingleFile(this DotNetPublishSettings settings, bool value) => settings.SetProperty("PublishSingleFile", value);

    /// <summary>-p:PublishTrimmed: unused code trimmed away.</summary>
    public static DotNetPublishSettings SetPublishTrimmed(this DotNetPublishSettings settings, bool value) => settings.SetProperty("PublishTrimmed", value);

    /// <summary>-p:PublishReadyToRun: compiled ahead of time.</summary>
    public static DotNetPublishSettings SetPublishReadyToRun(this DotNetPublishSettings settings, bool value) => settings.SetProperty("PublishReadyToRun", value);
}
