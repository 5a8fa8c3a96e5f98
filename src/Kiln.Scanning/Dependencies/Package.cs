namespace Kiln.Scanning.Dependencies;

/// <summary>
/// One NuGet package at one version, as the solution's restore resolved it: the node that the license check, the
/// vulnerability check and the SBOM all read.
/// </summary>
/// <param name="Id">The package id, as the assets file spells it (Newtonsoft.Json).</param>
/// <param name="Version">The normalized version (13.0.3).</param>
/// <param name="Sha512">The package's SHA-512 hash as the assets file holds it (base64); null when it has none.</param>
/// <param name="Folder">The extracted package in the packages folder (full path); null when no package folder has it.</param>
/// <param name="DependsOn">The packages it depends on, as restore resolved them, by <see cref="Purl"/>, sorted.</param>
/// <param name="License">The license its nuspec declares.</param>
public sealed record Package(string Id, string Version, string? Sha512, string? Folder, IReadOnlyList<string> DependsOn, PackageLicense License)
{
    /// <summary>The package URL that names it: <c>pkg:nuget/Newtonsoft.Json@13.0.3</c>.</summary>
    public string Purl => PurlOf(Id, Version);

    /// <summary>The package as <c>Id Version</c>, for messages.</summary>
    public override string ToString() => $"{Id} {Version}";

    internal static string PurlOf(string id, string version) => $"pkg:nuget/{Uri.EscapeDataString(id)}@{Uri.EscapeDataString(version)}";
}
