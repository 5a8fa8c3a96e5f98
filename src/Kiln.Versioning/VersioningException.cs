namespace Kiln.Versioning;

/// <summary>A version that cannot be computed: a broken GitVersion.yml, a shallow clone, a git failure. The message says what to fix.</summary>
public class VersioningException : Exception
{
    /// <summary>Creates the exception with a message that names the problem and the fix.</summary>
    public VersioningException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public VersioningException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public VersioningException()
    {
    }
}
