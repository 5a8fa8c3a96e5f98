namespace Kiln.Tooling;

/// <summary>NUKE's fluent setters of <c>dotnet restore</c>; each returns a changed copy.</summary>
public static class DotNetRestoreSettingsExtensions
{
    /// <summary>Sets whether: restore with the lock files as they are.</summary>
    public static DotNetRestoreSettings SetLockedMode(this DotNetRestoreSettings settings, bool value)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { LockedMode = value };
    }

    /// <summary>restore with the lock files as they are.</summary>
    public static DotNetRestoreSettings EnableLockedMode(this DotNetRestoreSettings settings) => settings.SetLockedMode(true);

    /// <summary>Not: restore with the lock files as they are.</summary>
    public static DotNetRestoreSettings DisableLockedMode(this DotNetRestoreSettings settings) => settings.SetLockedMode(false);

    /// <summary>Flips whether: restore with the lock files as they are.</summary>
    public static DotNetRestoreSettings ToggleLockedMode(this DotNetRestoreSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.SetLockedMode(!settings.LockedMode);
    }

    /// <summary>Back to the default (off): restore with the lock files as they are.</summary>
    public static DotNetRestoreSettings ResetLockedMode(this DotNetRestoreSettings settings) => settings.SetLockedMode(false);

    /// <summary>Package sources to restore from, replacing those set before.</summary>
    public static DotNetRestoreSettings SetSources(this DotNetRestoreSettings settings, params IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(values);
        return settings with { Sources = [.. values] };
    }

    /// <summary>Adds sources.</summary>
    public static DotNetRestoreSettings AddSources(this DotNetRestoreSettings settings, params IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(values);
        return settings with { Sources = [.. settings.Sources, .. values] };
    }

    /// <summary>Removes sources.</summary>
    public static DotNetRestoreSettings RemoveSources(this DotNetRestoreSettings settings, params IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(values);
        var removed = values.ToHashSet(StringComparer.Ordinal);
        return settings with { Sources = [.. settings.Sources.Where(value => !removed.Contains(value))] };
    }

    /// <summary>Removes every one: package sources to restore from.</summary>
    public static DotNetRestoreSettings ClearSources(this DotNetRestoreSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { Sources = [] };
    }
}
