namespace Kiln.Scanning.Dependencies;

/// <summary>The OSV range events Kiln reads (<c>limit</c> is not used by the GitHub advisory database and is ignored).</summary>
internal enum RangeEventKind
{
    /// <summary><c>introduced</c>: affected from this version on ("0": from the first).</summary>
    Introduced,

    /// <summary><c>fixed</c>: not affected from this version on.</summary>
    Fixed,

    /// <summary><c>last_affected</c>: affected up to and including this version.</summary>
    LastAffected,
}
