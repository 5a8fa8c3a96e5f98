namespace Kiln.Components;

/// <summary>Finds the solution of a repository: the one .sln or .slnx file at its root.</summary>
internal static class SolutionFile
{
    public static AbsolutePath FindAt(AbsolutePath root)
    {
        var solutions = Directory.EnumerateFiles(root, "*.sln").Concat(Directory.EnumerateFiles(root, "*.slnx")).Order(StringComparer.Ordinal).ToList();
        return solutions.Count switch
        {
            1 => AbsolutePath.Create(solutions[0]),
            0 => throw new KilnException($"There is no .sln or .slnx file in {root}: add one, or name the solution in the build (public AbsolutePath Solution => RootDirectory / \"My.sln\";)."),
            _ => throw new KilnException($"{root} holds {solutions.Count} solutions ({string.Join(", ", solutions.Select(Path.GetFileName))}): name the one to build in the build (public AbsolutePath Solution => RootDirectory / \"My.sln\";)."),
        };
    }
}
