namespace Kiln.Tooling;

/// <summary>
/// Follows a tool's output as it arrives to say how far the tool got, for the heartbeat and the status line
/// ("running 312 of about 1071"). Lines come from the output and error pumps at once and <see cref="Describe"/> from
/// the heartbeat, so an implementation must be safe to call from several threads.
/// </summary>
public abstract class ToolProgress
{
    /// <summary>Reads one output line, already masked.</summary>
    /// <returns>False for a line that only counts progress and is not worth printing below verbose output.</returns>
    public abstract bool Observe(string line);

    /// <summary>How far the tool got, in a few words; null while there is nothing to say.</summary>
    public abstract string? Describe();
}
