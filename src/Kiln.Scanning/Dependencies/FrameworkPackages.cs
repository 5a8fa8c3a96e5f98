namespace Kiln.Scanning.Dependencies;

/// <summary>The packages restore resolved for one target of a project.</summary>
/// <param name="TargetFramework">The target as the assets file names it: <c>net10.0</c>, or <c>net10.0/linux-x64</c> with a runtime.</param>
/// <param name="Packages">Its packages, direct and transitive, sorted by id.</param>
public sealed record FrameworkPackages(string TargetFramework, IReadOnlyList<ResolvedPackage> Packages);
