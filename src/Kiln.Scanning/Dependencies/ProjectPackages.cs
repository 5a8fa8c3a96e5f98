namespace Kiln.Scanning.Dependencies;

/// <summary>One project of the solution and the packages its restore resolved.</summary>
/// <param name="Name">The project name (Kiln).</param>
/// <param name="ProjectFile">The project file, relative to the root with forward slashes (src/Kiln/Kiln.csproj).</param>
/// <param name="Sources">The package sources its restore used (URLs or folders), as the assets file lists them.</param>
/// <param name="ProjectReferences">The projects it references, relative to the root like <paramref name="ProjectFile"/>, sorted.</param>
/// <param name="Frameworks">Its targets and their packages.</param>
public sealed record ProjectPackages(
    string Name,
    string ProjectFile,
    IReadOnlyList<string> Sources,
    IReadOnlyList<string> ProjectReferences,
    IReadOnlyList<FrameworkPackages> Frameworks)
{
    /// <summary>Each package of the project once (over all its targets), direct when some target references it directly.</summary>
    public IReadOnlyList<ResolvedPackage> DistinctPackages =>
        Frameworks.SelectMany(framework => framework.Packages)
            .GroupBy(resolved => resolved.Package.Purl, StringComparer.Ordinal)
            .Select(group => new ResolvedPackage(group.First().Package, group.Any(resolved => resolved.IsDirect)))
            .OrderBy(resolved => resolved.Package.Id, StringComparer.OrdinalIgnoreCase)
            .ThenBy(resolved => resolved.Package.Purl, StringComparer.Ordinal)
            .ToList();
}
