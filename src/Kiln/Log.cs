using Kiln.Execution;
using Kiln.Hosts;
using Kiln.Logging;

namespace Kiln;

/// <summary>
/// Writes messages through the active host (console or CI); secret values are masked. A message is plain text
/// (an interpolated string works as it is), or a message template with its values as Serilog takes them, the form
/// NUKE builds use: <c>Log.Information("Packed {Count} packages into {Folder}", count, folder)</c>. Holes take the
/// values in order; <c>{Value:format}</c>, <c>{Value,10}</c>, <c>{@Value}</c> (an object's properties) and
/// <c>{$Value}</c> work as in Serilog, and a secret is masked in the rendered text.
/// </summary>
public static class Log
{
    /// <summary>A message shown with <c>--verbosity verbose</c> only.</summary>
    public static void Debug(string message) => Write(LogLevel.Debug, message);

    /// <summary>A message template shown with <c>--verbosity verbose</c> only.</summary>
    /// <param name="messageTemplate">The text with holes: <c>"Building {Version}"</c>.</param>
    /// <param name="propertyValues">The holes' values, in the order the holes first appear.</param>
    public static void Debug(string messageTemplate, params object?[] propertyValues) => Write(LogLevel.Debug, messageTemplate, propertyValues);

    /// <summary>A normal message.</summary>
    public static void Information(string message) => Write(LogLevel.Information, message);

    /// <summary>A normal message template.</summary>
    /// <param name="messageTemplate">The text with holes: <c>"Building {Version}"</c>.</param>
    /// <param name="propertyValues">The holes' values, in the order the holes first appear.</param>
    public static void Information(string messageTemplate, params object?[] propertyValues) => Write(LogLevel.Information, messageTemplate, propertyValues);

    /// <summary>A warning (a warning annotation on GitHub Actions).</summary>
    public static void Warning(string message) => Write(LogLevel.Warning, message);

    /// <summary>A warning message template (a warning annotation on GitHub Actions).</summary>
    /// <param name="messageTemplate">The text with holes: <c>"Building {Version}"</c>.</param>
    /// <param name="propertyValues">The holes' values, in the order the holes first appear.</param>
    public static void Warning(string messageTemplate, params object?[] propertyValues) => Write(LogLevel.Warning, messageTemplate, propertyValues);

    /// <summary>An error (an error annotation on GitHub Actions). Failing a target takes an exception.</summary>
    public static void Error(string message) => Write(LogLevel.Error, message);

    /// <summary>An error message template (an error annotation on GitHub Actions).</summary>
    /// <param name="messageTemplate">The text with holes: <c>"Building {Version}"</c>.</param>
    /// <param name="propertyValues">The holes' values, in the order the holes first appear.</param>
    public static void Error(string messageTemplate, params object?[] propertyValues) => Write(LogLevel.Error, messageTemplate, propertyValues);

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

    // A null array is a call with one null value (Log.Debug("{Value}", null)), not one without values.
    private static void Write(LogLevel level, string messageTemplate, object?[]? propertyValues) =>
        Write(level, MessageTemplate.Render(messageTemplate, propertyValues ?? [null]));
}
