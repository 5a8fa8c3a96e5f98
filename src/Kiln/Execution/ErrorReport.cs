using Kiln.Hosts;

namespace Kiln.Execution;

/// <summary>How an exception is shown: our own exceptions as their message, others with their type; stack traces only when verbose.</summary>
internal static class ErrorReport
{
    public static string Describe(Exception exception, Verbosity verbosity)
    {
        var message = exception is KilnException ? exception.Message : $"{exception.GetType().Name}: {exception.Message}";
        return verbosity == Verbosity.Verbose ? $"{message}{Environment.NewLine}{exception}" : message;
    }

    /// <summary>The first line of the message, shortened for the summary's note column; secrets are masked before shortening, so none is cut into a visible part.</summary>
    public static string FirstLine(Exception exception, SecretMasker masker)
    {
        var line = masker.Apply(exception.Message).ReplaceLineEndings("\n").Split('\n')[0];
        return line.Length <= 80 ? line : line[..77] + "...";
    }
}
