using System.Reflection;
using Kiln.Injection;

namespace Kiln.ProjectModel;

/// <summary>
/// Injects the build's <see cref="Solution"/>: <c>[Solution] readonly Solution Solution;</c> reads the one .sln or
/// .slnx file at the root; <c>[Solution("src/App.sln")]</c> names one, relative to the root.
/// </summary>
public sealed class SolutionAttribute : ValueInjectionAttribute
{
    /// <summary>Reads the one .sln or .slnx file at the root.</summary>
    public SolutionAttribute()
    {
    }

    /// <summary>Reads the named solution file.</summary>
    /// <param name="relativePath">The solution file, relative to the root.</param>
    public SolutionAttribute(string relativePath) => RelativePath = relativePath;

    /// <summary>The solution file relative to the root, or null for the one at the root.</summary>
    public string? RelativePath { get; }

    /// <inheritdoc/>
    public override object? GetValue(MemberInfo member, KilnBuild build)
    {
        var root = KilnBuild.RootDirectory;
        return Solution.Read(RelativePath is null ? FindAt(root) : root / RelativePath);
    }

    private static AbsolutePath FindAt(AbsolutePath root)
    {
        var solutions = root.GlobFiles("*.sln", "*.slnx");
        return solutions.Count switch
        {
            1 => solutions.First(),
            0 => throw new KilnException($"[Solution] found no .sln or .slnx file in {root}: add one, or name it, as [Solution(\"src/App.sln\")]."),
            _ => throw new KilnException($"[Solution] found {solutions.Count} solutions in {root} ({string.Join(", ", solutions.Select(solution => solution.Name))}): name one, as [Solution(\"{solutions.First().Name}\")]."),
        };
    }
}
