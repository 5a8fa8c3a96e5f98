namespace Kiln.Hosts;

/// <summary>The weight of a printed line.</summary>
internal enum LogLevel
{
    Debug,
    Information,
    Warning,
    Error,
}
