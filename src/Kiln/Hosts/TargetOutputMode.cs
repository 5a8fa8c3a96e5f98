namespace Kiln.Hosts;

/// <summary>How the lines of targets that run at the same time are kept apart.</summary>
internal enum TargetOutputMode
{
    /// <summary>Held until the target ends, then printed as one block (files, CI logs, GitHub groups).</summary>
    Buffered,

    /// <summary>Printed as they come with the target's name in front (a terminal, where waiting would hide progress).</summary>
    Prefixed,
}
