namespace Kiln.Tooling;

// The application's arguments, set as one command line or as a list; the other setters are generated from
// [FluentSetters] on the record.
public static partial class DotNetRunSettingsExtensions
{
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
