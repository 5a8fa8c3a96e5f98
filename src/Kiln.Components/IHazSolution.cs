namespace Kiln.Components;

/// <summary>A build of one solution: the only .sln or .slnx file at the root, unless the build names another.</summary>
public interface IHazSolution
{
    /// <summary>The solution Restore, Compile, Pack and Scan work on.</summary>
    /// <exception cref="KilnException">The root holds no solution file, or more than one.</exception>
    AbsolutePath Solution => SolutionFile.FindAt(KilnBuild.RootDirectory);
}
