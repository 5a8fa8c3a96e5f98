namespace Kiln.Versioning.Tool;

/// <summary>A command line the tool cannot act on: an unknown option, a missing value. Exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
