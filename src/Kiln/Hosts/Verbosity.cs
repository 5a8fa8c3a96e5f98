namespace Kiln.Hosts;

/// <summary>How much Kiln prints (<c>--verbosity</c>).</summary>
public enum Verbosity
{
    /// <summary>Errors and the summary only.</summary>
    Quiet,

    /// <summary>Warnings, errors and the summary.</summary>
    Minimal,

    /// <summary>Everything but debug messages (the default).</summary>
    Normal,

    /// <summary>Everything, including debug messages and stack traces.</summary>
    Verbose,
}
