namespace Kiln.Tooling;

/// <summary>A tool that could not start, failed, or timed out. The message names the command line, the directory and the exit code.</summary>
public sealed class ToolException : KilnException
{
    /// <summary>Creates the exception; <paramref name="message"/> is already masked.</summary>
    public ToolException(string message, int? exitCode = null, Exception? innerException = null)
        : base(message, innerException ?? new InvalidOperationException(message))
    {
        ExitCode = exitCode;
    }

    /// <summary>Creates the exception with no message.</summary>
    public ToolException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ToolException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ToolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The tool's exit code; null when it did not start or was killed.</summary>
    public int? ExitCode { get; }
}
