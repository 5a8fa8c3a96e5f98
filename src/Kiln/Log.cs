using Kiln.Execution;
using Kiln.Hosts;

namespace Kiln;

/// <summary>Writes messages through the active host (console or CI); secret values are masked.</summary>
public static class Log
{
    /// <summary>A message shown with <c>--verbosity verbose</c> only.</summary>
    public static void Debug(string message) => Write(LogLevel.Debug, message);

    /// <summary>A normal message.</summary>
    public static void Information(string message) => Write(LogLevel.Information, message);

    /// <summary>A warning (a warning annotation on GitHub Actions).</summary>
    public static void Warning(string message) => Write(LogLevel.Warning, message);

    /// <summary>An error (an error annotation on GitHub Actions). Failing a target takes an exception.</summary>
    public static void Error(string message) => Write(LogLevel.Error, message);

    private static void Write(LogLevel level, string message) => BuildContext.Current.Host.Write(level, message);
}
