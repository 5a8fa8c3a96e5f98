namespace Kiln;

/// <summary>The <see cref="KilnBuild.Host"/> of a build that no CI server Kiln knows runs: a console, or a plain CI log.</summary>
public sealed class Terminal : Host
{
    internal Terminal()
    {
    }
}
