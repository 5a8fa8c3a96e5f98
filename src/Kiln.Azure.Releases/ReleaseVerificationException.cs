namespace Kiln.Azure.Releases;

/// <summary>A release's blobs do not match its manifest (missing, another length, another SHA-256).</summary>
public class ReleaseVerificationException : ReleaseStoreException
{
    /// <summary>Creates the exception.</summary>
    public ReleaseVerificationException()
    {
    }

    /// <summary>Creates the exception with its message.</summary>
    public ReleaseVerificationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public ReleaseVerificationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
