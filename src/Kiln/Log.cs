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

    /// <summary>
    /// An error at a line of a file, such as a failed test: on GitHub Actions an error annotation shown on that line
    /// (<c>::error file=...,line=...,title=...::message</c>), elsewhere a line <c>file(line): title: message</c>.
    /// </summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="file">The file, relative to the root (or absolute under it); null when unknown.</param>
    /// <param name="line">The line in the file; null when unknown.</param>
    /// <param name="title">A short title (the test's name); null for none.</param>
    public static void Error(string message, string? file, int? line, string? title) =>
        BuildContext.Current.Host.WriteError(message, file, line, title);

    private static void Write(LogLevel level, string message) => BuildContext.Current.Host.Write(level, message);
}
