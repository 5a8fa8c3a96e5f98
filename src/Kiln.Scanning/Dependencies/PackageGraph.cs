using NuGet.LibraryModel;
using NuGet.ProjectModel;

namespace Kiln.Scanning.Dependencies;

/// <summary>
/// The NuGet packages of a solution as its last restore resolved them, read from each project's
/// <c>obj/project.assets.json</c>: per project and target framework, direct and transitive, with each package's
/// dependencies, SHA-512 hash, folder and nuspec license. The one model the license check, the vulnerability check
/// and the SBOM read.
/// </summary>
public sealed class PackageGraph
{
    private PackageGraph(string rootDirectory, string solutionFile, IReadOnlyList<ProjectPackages> projects, IReadOnlyList<Package> packages) =>
        (RootDirectory, SolutionFile, Projects, Packages) = (rootDirectory, solutionFile, projects, packages);

    /// <summary>The folder that project paths and findings are relative to (full path).</summary>
    public string RootDirectory { get; }

    /// <summary>The solution file (full path).</summary>
    public string SolutionFile { get; }

    /// <summary>The solution's projects, sorted by project file.</summary>
    public IReadOnlyList<ProjectPackages> Projects { get; }

    /// <summary>Every package of every project once, sorted by id and version.</summary>
    public IReadOnlyList<Package> Packages { get; }

    /// <summary>Reads the graph of a restored solution (<c>.sln</c> or <c>.slnx</c>).</summary>
    /// <param name="solutionFile">The solution file.</param>
    /// <param name="rootDirectory">What paths are relative to; the solution's folder when null.</param>
    /// <exception cref="KilnException">The solution is missing, or a project has not been restored.</exception>
    public static PackageGraph Read(string solutionFile, string? rootDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(solutionFile);
        var solution = Path.GetFullPath(solutionFile);
        var root = Path.GetFullPath(rootDirectory ?? Path.GetDirectoryName(solution)!);
        var assetsFiles = SolutionProjects.Read(solution).Select(project =>
        {
            var assets = Path.Combine(Path.GetDirectoryName(project)!, "obj", LockFileFormat.AssetsFileName);
            return File.Exists(assets)
                ? assets
                : throw new KilnException($"{Relative(root, project)} has no obj/{LockFileFormat.AssetsFileName}: restore the solution first (dotnet restore {Path.GetFileName(solution)}).");
        });
        return ReadAssetsFiles(solution, root, assetsFiles.ToList());
    }

    /// <summary>Reads the graph from the given assets files (the solution file names the whole).</summary>
    internal static PackageGraph ReadAssetsFiles(string solutionFile, string rootDirectory, IReadOnlyList<string> assetsFiles)
    {
        var format = new LockFileFormat();
        var lockFiles = assetsFiles.Select(file => ReadLockFile(format, file, rootDirectory)).ToList();

        // First pass: every package once, with the union of its resolved dependencies over all projects and targets.
        var nodes = new Dictionary<string, (LockFileLibrary Library, IReadOnlyList<string> Folders, SortedSet<string> DependsOn)>(StringComparer.Ordinal);
        foreach (var lockFile in lockFiles)
        {
            var folders = lockFile.PackageFolders.Select(folder => folder.Path).ToList();
            foreach (var target in lockFile.Targets)
            {
                var resolved = target.Libraries.Where(IsPackage)
                    .ToDictionary(library => library.Name!, library => Package.PurlOf(library.Name!, library.Version!.ToNormalizedString()), StringComparer.OrdinalIgnoreCase);
                foreach (var library in target.Libraries.Where(IsPackage))
                {
                    var purl = Package.PurlOf(library.Name!, library.Version!.ToNormalizedString());
                    if (!nodes.TryGetValue(purl, out var node))
                    {
                        var entry = lockFile.GetLibrary(library.Name, library.Version) ?? new LockFileLibrary { Name = library.Name, Version = library.Version };
                        node = (entry, folders, new SortedSet<string>(StringComparer.Ordinal));
                        nodes.Add(purl, node);
                    }

                    foreach (var dependency in library.Dependencies)
                    {
                        if (resolved.TryGetValue(dependency.Id, out var dependencyPurl))
                        {
                            node.DependsOn.Add(dependencyPurl);
                        }
                    }
                }
            }
        }

        var packages = nodes.ToDictionary(
            pair => pair.Key,
            pair => CreatePackage(pair.Value.Library, pair.Value.Folders, pair.Value.DependsOn),
            StringComparer.Ordinal);

        var projects = lockFiles.Select(lockFile => CreateProject(lockFile, rootDirectory, packages))
            .OrderBy(project => project.ProjectFile, StringComparer.Ordinal)
            .ToList();
        var sorted = packages.Values
            .OrderBy(package => package.Id, StringComparer.OrdinalIgnoreCase)
            .ThenBy(package => NuGet.Versioning.NuGetVersion.Parse(package.Version))
            .ToList();
        return new PackageGraph(rootDirectory, solutionFile, projects, sorted);
    }

    /// <summary>The path relative to the root, with forward slashes.</summary>
    internal static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    private static LockFile ReadLockFile(LockFileFormat format, string file, string root)
    {
        try
        {
            var lockFile = format.Read(file);
            return lockFile.PackageSpec?.RestoreMetadata is null
                ? throw new KilnException($"{Relative(root, file)} names no project (no project.restore section): restore again with a current .NET SDK.")
                : lockFile;
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException or FormatException or Newtonsoft.Json.JsonException)
        {
            throw new KilnException($"{Relative(root, file)} could not be read as a NuGet assets file: {exception.Message} Restore the project again.", exception);
        }
    }

    private static bool IsPackage(LockFileTargetLibrary library) =>
        string.Equals(library.Type, LibraryType.Package, StringComparison.OrdinalIgnoreCase) && library.Name is not null && library.Version is not null;

    private static Package CreatePackage(LockFileLibrary library, IReadOnlyList<string> folders, SortedSet<string> dependsOn)
    {
        var folder = library.Path is null
            ? null
            : folders.Select(root => Path.Combine(root, library.Path)).FirstOrDefault(Directory.Exists);
        return new Package(
            library.Name!,
            library.Version!.ToNormalizedString(),
            string.IsNullOrEmpty(library.Sha512) ? null : library.Sha512,
            folder is null ? null : Path.GetFullPath(folder),
            dependsOn.ToList(),
            folder is null ? PackageLicense.NotFound : NuspecLicense.Read(folder, library.Name!));
    }

    private static ProjectPackages CreateProject(LockFile lockFile, string root, Dictionary<string, Package> packages)
    {
        var spec = lockFile.PackageSpec;
        var metadata = spec.RestoreMetadata;
        var projectPath = metadata.ProjectPath ?? spec.FilePath;
        var frameworks = lockFile.Targets.Select(target =>
        {
            var information = spec.TargetFrameworks.FirstOrDefault(framework => framework.FrameworkName.Equals(target.TargetFramework));
            var direct = new HashSet<string>(
                information?.Dependencies.Where(dependency => dependency.LibraryRange.TypeConstraintAllows(LibraryDependencyTarget.Package)).Select(dependency => dependency.Name) ?? [],
                StringComparer.OrdinalIgnoreCase);
            var resolved = target.Libraries.Where(IsPackage)
                .Select(library => new ResolvedPackage(packages[Package.PurlOf(library.Name!, library.Version!.ToNormalizedString())], direct.Contains(library.Name!)))
                .OrderBy(package => package.Package.Id, StringComparer.OrdinalIgnoreCase)
                .ToList();
            return new FrameworkPackages(target.Name, resolved);
        }).ToList();
        var references = metadata.TargetFrameworks
            .SelectMany(framework => framework.ProjectReferences)
            .Select(reference => Relative(root, reference.ProjectPath))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        return new ProjectPackages(
            metadata.ProjectName ?? spec.Name,
            Relative(root, projectPath),
            metadata.Sources.Select(source => source.Source).ToList(),
            references,
            frameworks);
    }
}
