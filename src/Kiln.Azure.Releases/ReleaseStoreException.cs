namespace Kiln.Azure.Releases;

/// <summary>
/// A release store operation was refused or could not finish: the message says what happened, what was left as it was
/// (the pointer is never moved onto a release that did not verify), and what to do. It never holds a key.
/// </summary>
public class ReleaseStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ReleaseStoreException()
    {
    }

    /// <summary>Creates the exception with its message.</summary>
    public ReleaseStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public ReleaseStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
