namespace Kiln.ProjectModel;

/// <summary>A project of a <see cref="ProjectModel.Solution"/>; converts to its path as a string, so it can be handed to a tool.</summary>
public sealed class Project
{
    internal Project(Solution solution, string name, AbsolutePath path, Guid projectId, string? solutionFolder) =>
        (Solution, Name, Path, ProjectId, SolutionFolder) = (solution, name, path, projectId, solutionFolder);

    /// <summary>The solution the project belongs to.</summary>
    public Solution Solution { get; }

    /// <summary>The project's name as the solution shows it: its file name without the extension.</summary>
    public string Name { get; }

    /// <summary>The project file.</summary>
    public AbsolutePath Path { get; }

    /// <summary>The folder of the project file.</summary>
    public AbsolutePath Directory => Path.Parent!;

    /// <summary>The project's id in the solution.</summary>
    public Guid ProjectId { get; }

    /// <summary>The solution folder that holds the project (<c>/tests/</c>), or null at the top level.</summary>
    public string? SolutionFolder { get; }

    /// <summary>The project file's path.</summary>
    public static implicit operator string(Project project) => (AbsolutePath)project;

    /// <summary>The project file's path.</summary>
    public static implicit operator AbsolutePath(Project project)
    {
        ArgumentNullException.ThrowIfNull(project);
        return project.Path;
    }

    /// <inheritdoc/>
    public override string ToString() => Path;
}
