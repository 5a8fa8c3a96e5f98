namespace Kiln.Tooling;

// The setters that are not one property's Set/Reset; the rest are generated from [FluentSetters] on the record.
public static partial class DotNetNuGetPushSettingsExtensions
{
    /// <summary>The .nupkg to push.</summary>
    public static DotNetNuGetPushSettings SetTargetPath(this DotNetNuGetPushSettings settings, string targetPath)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { Package = targetPath };
    }

    /// <summary>Kills the tool and fails after this many milliseconds (NUKE's unit); no limit when null.</summary>
    public static DotNetNuGetPushSettings SetProcessExecutionTimeout(this DotNetNuGetPushSettings settings, int? milliseconds)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { Timeout = milliseconds is { } value ? TimeSpan.FromMilliseconds(value) : null };
    }
}
