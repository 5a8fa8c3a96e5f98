namespace Kiln.Scanning.Dependencies;

/// <summary>A package in one project's target framework, and whether the project references it itself.</summary>
/// <param name="Package">The package.</param>
/// <param name="IsDirect">True for a PackageReference of the project; false for a package that comes with another.</param>
public sealed record ResolvedPackage(Package Package, bool IsDirect);
