namespace Kiln.Tooling;

/// <summary>NUKE's fluent setters of <c>dotnet test</c>; each returns a changed copy.</summary>
public static class DotNetTestSettingsExtensions
{
    /// <summary>The configuration (Debug, Release); a Configuration value converts to its name.</summary>
    public static DotNetTestSettings SetConfiguration(this DotNetTestSettings settings, string? value)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { Configuration = value };
    }

    /// <summary>Back to the default: the configuration (Debug, Release); a Configuration value converts to its name.</summary>
    public static DotNetTestSettings ResetConfiguration(this DotNetTestSettings settings) => settings.SetConfiguration(null);

    /// <summary>Sets whether: test what was built instead of building again.</summary>
    public static DotNetTestSettings SetNoBuild(this DotNetTestSettings settings, bool value)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { NoBuild = value };
    }

    /// <summary>test what was built instead of building again.</summary>
    public static DotNetTestSettings EnableNoBuild(this DotNetTestSettings settings) => settings.SetNoBuild(true);

    /// <summary>Not: test what was built instead of building again.</summary>
    public static DotNetTestSettings DisableNoBuild(this DotNetTestSettings settings) => settings.SetNoBuild(false);

    /// <summary>Flips whether: test what was built instead of building again.</summary>
    public static DotNetTestSettings ToggleNoBuild(this DotNetTestSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.SetNoBuild(!settings.NoBuild);
    }

    /// <summary>Back to the default (off): test what was built instead of building again.</summary>
    public static DotNetTestSettings ResetNoBuild(this DotNetTestSettings settings) => settings.SetNoBuild(false);

    /// <summary>Sets whether: skip the implicit restore.</summary>
    public static DotNetTestSettings SetNoRestore(this DotNetTestSettings settings, bool value)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { NoRestore = value };
    }

    /// <summary>skip the implicit restore.</summary>
    public static DotNetTestSettings EnableNoRestore(this DotNetTestSettings settings) => settings.SetNoRestore(true);

    /// <summary>Not: skip the implicit restore.</summary>
    public static DotNetTestSettings DisableNoRestore(this DotNetTestSettings settings) => settings.SetNoRestore(false);

    /// <summary>Flips whether: skip the implicit restore.</summary>
    public static DotNetTestSettings ToggleNoRestore(this DotNetTestSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.SetNoRestore(!settings.NoRestore);
    }

    /// <summary>Back to the default (off): skip the implicit restore.</summary>
    public static DotNetTestSettings ResetNoRestore(this DotNetTestSettings settings) => settings.SetNoRestore(false);

    /// <summary>Where result files (TRX, coverage, dumps) go.</summary>
    public static DotNetTestSettings SetResultsDirectory(this DotNetTestSettings settings, string? value)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { ResultsDirectory = value };
    }

    /// <summary>Back to the default: where result files (TRX, coverage, dumps) go.</summary>
    public static DotNetTestSettings ResetResultsDirectory(this DotNetTestSettings settings) => settings.SetResultsDirectory(null);

    /// <summary>The test filter expression.</summary>
    public static DotNetTestSettings SetFilter(this DotNetTestSettings settings, string? value)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { Filter = value };
    }

    /// <summary>Back to the default: the test filter expression.</summary>
    public static DotNetTestSettings ResetFilter(this DotNetTestSettings settings) => settings.SetFilter(null);

    /// <summary>The .runsettings file.</summary>
    public static DotNetTestSettings SetSettingsFile(this DotNetTestSettings settings, string? value)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { Settings = value };
    }

    /// <summary>Back to the default: the .runsettings file.</summary>
    public static DotNetTestSettings ResetSettingsFile(this DotNetTestSettings settings) => settings.SetSettingsFile(null);

    /// <summary>VSTest loggers, such as "trx;LogFileName=unit.trx", replacing those set before.</summary>
    public static DotNetTestSettings SetLoggers(this DotNetTestSettings settings, params IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(values);
        return settings with { Loggers = [.. values] };
    }

    /// <summary>Adds loggers.</summary>
    public static DotNetTestSettings AddLoggers(this DotNetTestSettings settings, params IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(values);
        return settings with { Loggers = [.. settings.Loggers, .. values] };
    }

    /// <summary>Removes loggers.</summary>
    public static DotNetTestSettings RemoveLoggers(this DotNetTestSettings settings, params IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(values);
        var removed = values.ToHashSet(StringComparer.Ordinal);
        return settings with { Loggers = [.. settings.Loggers.Where(value => !removed.Contains(value))] };
    }

    /// <summary>Removes every one: vSTest loggers, such as "trx;LogFileName=unit.trx".</summary>
    public static DotNetTestSettings ClearLoggers(this DotNetTestSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { Loggers = [] };
    }

    /// <summary>VSTest data collectors, such as "XPlat Code Coverage", replacing those set before.</summary>
    public static DotNetTestSettings SetDataCollector(this DotNetTestSettings settings, params IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(values);
        return settings with { Collectors = [.. values] };
    }

    /// <summary>Adds data collectors.</summary>
    public static DotNetTestSettings AddDataCollector(this DotNetTestSettings settings, params IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(values);
        return settings with { Collectors = [.. settings.Collectors, .. values] };
    }

    /// <summary>Removes data collectors.</summary>
    public static DotNetTestSettings RemoveDataCollector(this DotNetTestSettings settings, params IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(values);
        var removed = values.ToHashSet(StringComparer.Ordinal);
        return settings with { Collectors = [.. settings.Collectors.Where(value => !removed.Contains(value))] };
    }

    /// <summary>Removes every one: vSTest data collectors, such as "XPlat Code Coverage".</summary>
    public static DotNetTestSettings ClearDataCollector(this DotNetTestSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { Collectors = [] };
    }

    /// <summary>VSTest: fails a test that hangs longer, with a dump.</summary>
    public static DotNetTestSettings SetBlameHangTimeout(this DotNetTestSettings settings, TimeSpan? value)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { BlameHangTimeout = value };
    }

    /// <summary>Back to the default: vSTest: fails a test that hangs longer, with a dump.</summary>
    public static DotNetTestSettings ResetBlameHangTimeout(this DotNetTestSettings settings) => settings.SetBlameHangTimeout(null);
}
