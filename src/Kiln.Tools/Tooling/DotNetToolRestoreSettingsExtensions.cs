namespace Kiln.Tooling;

/// <summary>NUKE's fluent setters of <c>dotnet tool restore</c>; each returns a changed copy.</summary>
public static class DotNetToolRestoreSettingsExtensions
{
    /// <summary>The tool manifest.</summary>
    public static DotNetToolRestoreSettings SetToolManifest(this DotNetToolRestoreSettings settings, string? value)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { ToolManifest = value };
    }

    /// <summary>Back to the default: the tool manifest.</summary>
    public static DotNetToolRestoreSettings ResetToolManifest(this DotNetToolRestoreSettings settings) => settings.SetToolManifest(null);

    /// <summary>The only NuGet.Config to read.</summary>
    public static DotNetToolRestoreSettings SetConfigFile(this DotNetToolRestoreSettings settings, string? value)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { ConfigFile = value };
    }

    /// <summary>Back to the default: the only NuGet.Config to read.</summary>
    public static DotNetToolRestoreSettings ResetConfigFile(this DotNetToolRestoreSettings settings) => settings.SetConfigFile(null);

    /// <summary>Package sources besides those in NuGet.Config, replacing those set before.</summary>
    public static DotNetToolRestoreSettings SetSources(this DotNetToolRestoreSettings settings, params IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(values);
        return settings with { Sources = [.. values] };
    }

    /// <summary>Adds sources.</summary>
    public static DotNetToolRestoreSettings AddSources(this DotNetToolRestoreSettings settings, params IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(values);
        return settings with { Sources = [.. settings.Sources, .. values] };
    }

    /// <summary>Removes sources.</summary>
    public static DotNetToolRestoreSettings RemoveSources(this DotNetToolRestoreSettings settings, params IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(values);
        var removed = values.ToHashSet(StringComparer.Ordinal);
        return settings with { Sources = [.. settings.Sources.Where(value => !removed.Contains(value))] };
    }

    /// <summary>Removes every one: package sources besides those in NuGet.Config.</summary>
    public static DotNetToolRestoreSettings ClearSources(this DotNetToolRestoreSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { Sources = [] };
    }

    /// <summary>Sets whether: bypass the HTTP cache.</summary>
    public static DotNetToolRestoreSettings SetNoCache(this DotNetToolRestoreSettings settings, bool value)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { NoCache = value };
    }

    /// <summary>bypass the HTTP cache.</summary>
    public static DotNetToolRestoreSettings EnableNoCache(this DotNetToolRestoreSettings settings) => settings.SetNoCache(true);

    /// <summary>Not: bypass the HTTP cache.</summary>
    public static DotNetToolRestoreSettings DisableNoCache(this DotNetToolRestoreSettings settings) => settings.SetNoCache(false);

    /// <summary>Flips whether: bypass the HTTP cache.</summary>
    public static DotNetToolRestoreSettings ToggleNoCache(this DotNetToolRestoreSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.SetNoCache(!settings.NoCache);
    }

    /// <summary>Back to the default (off): bypass the HTTP cache.</summary>
    public static DotNetToolRestoreSettings ResetNoCache(this DotNetToolRestoreSettings settings) => settings.SetNoCache(false);

    /// <summary>Sets whether: treat a source that fails as a warning.</summary>
    public static DotNetToolRestoreSettings SetIgnoreFailedSources(this DotNetToolRestoreSettings settings, bool value)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { IgnoreFailedSources = value };
    }

    /// <summary>treat a source that fails as a warning.</summary>
    public static DotNetToolRestoreSettings EnableIgnoreFailedSources(this DotNetToolRestoreSettings settings) => settings.SetIgnoreFailedSources(true);

    /// <summary>Not: treat a source that fails as a warning.</summary>
    public static DotNetToolRestoreSettings DisableIgnoreFailedSources(this DotNetToolRestoreSettings settings) => settings.SetIgnoreFailedSources(false);

    /// <summary>Flips whether: treat a source that fails as a warning.</summary>
    public static DotNetToolRestoreSettings ToggleIgnoreFailedSources(this DotNetToolRestoreSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.SetIgnoreFailedSources(!settings.IgnoreFailedSources);
    }

    /// <summary>Back to the default (off): treat a source that fails as a warning.</summary>
    public static DotNetToolRestoreSettings ResetIgnoreFailedSources(this DotNetToolRestoreSettings settings) => settings.SetIgnoreFailedSources(false);

    /// <summary>Sets whether: restore one tool at a time.</summary>
    public static DotNetToolRestoreSettings SetDisableParallel(this DotNetToolRestoreSettings settings, bool value)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { DisableParallel = value };
    }

    /// <summary>restore one tool at a time.</summary>
    public static DotNetToolRestoreSettings EnableDisableParallel(this DotNetToolRestoreSettings settings) => settings.SetDisableParallel(true);

    /// <summary>Not: restore one tool at a time.</summary>
    public static DotNetToolRestoreSettings DisableDisableParallel(this DotNetToolRestoreSettings settings) => settings.SetDisableParallel(false);

    /// <summary>Flips whether: restore one tool at a time.</summary>
    public static DotNetToolRestoreSettings ToggleDisableParallel(this DotNetToolRestoreSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.SetDisableParallel(!settings.DisableParallel);
    }

    /// <summary>Back to the default (off): restore one tool at a time.</summary>
    public static DotNetToolRestoreSettings ResetDisableParallel(this DotNetToolRestoreSettings settings) => settings.SetDisableParallel(false);
}
