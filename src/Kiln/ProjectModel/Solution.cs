using Microsoft.VisualStudio.SolutionPersistence.Model;
using Microsoft.VisualStudio.SolutionPersistence.Serializer;

namespace Kiln.ProjectModel;

/// <summary>
/// A .sln or .slnx file and its projects, as <c>[Solution] readonly Solution Solution;</c> injects it. Converts to
/// its path as a string, so it can be handed to a tool.
/// </summary>
public sealed class Solution
{
    private readonly List<Project> projects = [];

    private Solution(AbsolutePath path) => Path = path;

    /// <summary>The solution file.</summary>
    public AbsolutePath Path { get; }

    /// <summary>The folder of the solution file; project paths are relative to it.</summary>
    public AbsolutePath Directory => Path.Parent!;

    /// <summary>The solution's name: its file name without the extension.</summary>
    public string Name => Path.NameWithoutExtension;

    /// <summary>Every project, those in solution folders included, in the order of the file.</summary>
    public IReadOnlyCollection<Project> AllProjects => projects;

    /// <summary>The projects outside any solution folder.</summary>
    public IReadOnlyCollection<Project> Projects => [.. projects.Where(project => project.SolutionFolder is null)];

    /// <summary>Reads a .sln or .slnx file.</summary>
    /// <exception cref="KilnException">The file is missing, is not a solution, or does not parse.</exception>
    public static Solution Read(AbsolutePath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!path.FileExists())
        {
            throw new KilnException($"Cannot read the solution {path}: there is no such file.");
        }

        var serializer = SolutionSerializers.GetSerializerByMoniker(path)
            ?? throw new KilnException($"Cannot read the solution {path}: only .sln and .slnx files are solutions.");
        SolutionModel model;
        try
        {
            model = serializer.OpenAsync(path, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (Exception exception) when (exception is SolutionException or System.Xml.XmlException or IOException or FormatException or InvalidOperationException)
        {
            throw new KilnException($"Cannot read the solution {path}: {exception.Message}", exception);
        }

        var solution = new Solution(path);
        foreach (var project in model.SolutionProjects)
        {
            solution.projects.Add(new Project(solution, project.ActualDisplayName, solution.Directory / project.FilePath, project.Id, project.Parent?.Path));
        }

        return solution;
    }

    /// <summary>
    /// The project with this name (<c>Kiln.UnitTests</c>), or whose file is at this path (absolute, or relative to the
    /// solution's folder); null when there is none.
    /// </summary>
    public Project? GetProject(string nameOrPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(nameOrPath);
        return projects.FirstOrDefault(project => string.Equals(project.Name, nameOrPath, StringComparison.Ordinal))
            ?? projects.FirstOrDefault(project => project.Path == Directory / nameOrPath);
    }

    /// <summary>The solution file's path.</summary>
    public static implicit operator string(Solution solution) => (AbsolutePath)solution;

    /// <summary>The solution file's path.</summary>
    public static implicit operator AbsolutePath(Solution solution)
    {
        ArgumentNullException.ThrowIfNull(solution);
        return solution.Path;
    }

    /// <inheritdoc/>
    public override string ToString() => Path;
}
