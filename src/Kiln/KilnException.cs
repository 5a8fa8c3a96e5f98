namespace Kiln;

/// <summary>
/// A failure the user can act on: bad input, a broken graph, a tool that failed. The command line
/// prints its message as one line; the stack trace only with <c>--verbosity verbose</c>.
/// </summary>
public class KilnException : Exception
{
    /// <summary>Creates the exception with a message that names the problem and the fix.</summary>
    public KilnException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    public KilnException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public KilnException()
    {
    }
}
