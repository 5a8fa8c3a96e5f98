namespace Kiln.Tooling;

/// <summary>NUKE's fluent setters of <c>dotnet nuget push</c>; each returns a changed copy.</summary>
public static class DotNetNuGetPushSettingsExtensions
{
    /// <summary>The .nupkg to push.</summary>
    public static DotNetNuGetPushSettings SetTargetPath(this DotNetNuGetPushSettings settings, string targetPath)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { Package = targetPath };
    }

    /// <summary>The source: a v3 service index URL, a folder or a source name.</summary>
    public static DotNetNuGetPushSettings SetSource(this DotNetNuGetPushSettings settings, string? value)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { Source = value };
    }

    /// <summary>Back to the default: the source: a v3 service index URL, a folder or a source name.</summary>
    public static DotNetNuGetPushSettings ResetSource(this DotNetNuGetPushSettings settings) => settings.SetSource(null);

    /// <summary>The API key; it reaches dotnet in its environment, never on the command line.</summary>
    public static DotNetNuGetPushSettings SetApiKey(this DotNetNuGetPushSettings settings, string? value)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { ApiKey = value };
    }

    /// <summary>Back to the default: the API key; it reaches dotnet in its environment, never on the command line.</summary>
    public static DotNetNuGetPushSettings ResetApiKey(this DotNetNuGetPushSettings settings) => settings.SetApiKey(null);

    /// <summary>Where the .snupkg goes.</summary>
    public static DotNetNuGetPushSettings SetSymbolSource(this DotNetNuGetPushSettings settings, string? value)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { SymbolSource = value };
    }

    /// <summary>Back to the default: where the .snupkg goes.</summary>
    public static DotNetNuGetPushSettings ResetSymbolSource(this DotNetNuGetPushSettings settings) => settings.SetSymbolSource(null);

    /// <summary>Sets whether: push the .nupkg only.</summary>
    public static DotNetNuGetPushSettings SetNoSymbols(this DotNetNuGetPushSettings settings, bool value)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { NoSymbols = value };
    }

    /// <summary>push the .nupkg only.</summary>
    public static DotNetNuGetPushSettings EnableNoSymbols(this DotNetNuGetPushSettings settings) => settings.SetNoSymbols(true);

    /// <summary>Not: push the .nupkg only.</summary>
    public static DotNetNuGetPushSettings DisableNoSymbols(this DotNetNuGetPushSettings settings) => settings.SetNoSymbols(false);

    /// <summary>Flips whether: push the .nupkg only.</summary>
    public static DotNetNuGetPushSettings ToggleNoSymbols(this DotNetNuGetPushSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.SetNoSymbols(!settings.NoSymbols);
    }

    /// <summary>Back to the default (off): push the .nupkg only.</summary>
    public static DotNetNuGetPushSettings ResetNoSymbols(this DotNetNuGetPushSettings settings) => settings.SetNoSymbols(false);

    /// <summary>Sets whether: treat an existing version as success.</summary>
    public static DotNetNuGetPushSettings SetSkipDuplicate(this DotNetNuGetPushSettings settings, bool value)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { SkipDuplicate = value };
    }

    /// <summary>treat an existing version as success.</summary>
    public static DotNetNuGetPushSettings EnableSkipDuplicate(this DotNetNuGetPushSettings settings) => settings.SetSkipDuplicate(true);

    /// <summary>Not: treat an existing version as success.</summary>
    public static DotNetNuGetPushSettings DisableSkipDuplicate(this DotNetNuGetPushSettings settings) => settings.SetSkipDuplicate(false);

    /// <summary>Flips whether: treat an existing version as success.</summary>
    public static DotNetNuGetPushSettings ToggleSkipDuplicate(this DotNetNuGetPushSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.SetSkipDuplicate(!settings.SkipDuplicate);
    }

    /// <summary>Back to the default (off): treat an existing version as success.</summary>
    public static DotNetNuGetPushSettings ResetSkipDuplicate(this DotNetNuGetPushSettings settings) => settings.SetSkipDuplicate(false);

    /// <summary>Sets whether: print in English.</summary>
    public static DotNetNuGetPushSettings SetForceEnglishOutput(this DotNetNuGetPushSettings settings, bool value)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { ForceEnglishOutput = value };
    }

    /// <summary>print in English.</summary>
    public static DotNetNuGetPushSettings EnableForceEnglishOutput(this DotNetNuGetPushSettings settings) => settings.SetForceEnglishOutput(true);

    /// <summary>Not: print in English.</summary>
    public static DotNetNuGetPushSettings DisableForceEnglishOutput(this DotNetNuGetPushSettings settings) => settings.SetForceEnglishOutput(false);

    /// <summary>Flips whether: print in English.</summary>
    public static DotNetNuGetPushSettings ToggleForceEnglishOutput(this DotNetNuGetPushSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.SetForceEnglishOutput(!settings.ForceEnglishOutput);
    }

    /// <summary>Back to the default (off): print in English.</summary>
    public static DotNetNuGetPushSettings ResetForceEnglishOutput(this DotNetNuGetPushSettings settings) => settings.SetForceEnglishOutput(false);

    /// <summary>Sets whether: allow an http:// source.</summary>
    public static DotNetNuGetPushSettings SetAllowInsecureConnections(this DotNetNuGetPushSettings settings, bool value)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { AllowInsecureConnections = value };
    }

    /// <summary>allow an http:// source.</summary>
    public static DotNetNuGetPushSettings EnableAllowInsecureConnections(this DotNetNuGetPushSettings settings) => settings.SetAllowInsecureConnections(true);

    /// <summary>Not: allow an http:// source.</summary>
    public static DotNetNuGetPushSettings DisableAllowInsecureConnections(this DotNetNuGetPushSettings settings) => settings.SetAllowInsecureConnections(false);

    /// <summary>Flips whether: allow an http:// source.</summary>
    public static DotNetNuGetPushSettings ToggleAllowInsecureConnections(this DotNetNuGetPushSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.SetAllowInsecureConnections(!settings.AllowInsecureConnections);
    }

    /// <summary>Back to the default (off): allow an http:// source.</summary>
    public static DotNetNuGetPushSettings ResetAllowInsecureConnections(this DotNetNuGetPushSettings settings) => settings.SetAllowInsecureConnections(false);

    /// <summary>The working directory; the root directory when null.</summary>
    public static DotNetNuGetPushSettings SetProcessWorkingDirectory(this DotNetNuGetPushSettings settings, string? value)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { WorkingDirectory = value };
    }

    /// <summary>Back to the default: the working directory; the root directory when null.</summary>
    public static DotNetNuGetPushSettings ResetProcessWorkingDirectory(this DotNetNuGetPushSettings settings) => settings.SetProcessWorkingDirectory(null);

    /// <summary>Kills the tool and fails after this many milliseconds (NUKE's unit); no limit when null.</summary>
    public static DotNetNuGetPushSettings SetProcessExecutionTimeout(this DotNetNuGetPushSettings settings, int? milliseconds)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { Timeout = milliseconds is { } value ? TimeSpan.FromMilliseconds(value) : null };
    }
}
