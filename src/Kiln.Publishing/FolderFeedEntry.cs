namespace Kiln.Publishing;

/// <summary>Where the files of one package version are in a folder feed.</summary>
/// <param name="Layout">The feed's layout.</param>
/// <param name="Package">The .nupkg.</param>
/// <param name="Symbols">The .snupkg, beside the .nupkg.</param>
/// <param name="Nuspec">The extracted .nuspec the hierarchical layout needs; null in the flat layout.</param>
/// <param name="Hash">The .nupkg.sha512 the hierarchical layout needs (base64 SHA-512 of the .nupkg); null in the flat layout.</param>
internal sealed record FolderFeedEntry(FolderFeedLayout Layout, string Package, string Symbols, string? Nuspec, string? Hash)
{
    /// <summary>Where the package's files go in a feed of that layout.</summary>
    public static FolderFeedEntry For(string folder, PackageIdentity package, FolderFeedLayout layout)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(package);
        if (layout == FolderFeedLayout.Flat)
        {
            return Flat(Path.Combine(folder, package.FileName));
        }

        var id = package.Id.ToLowerInvariant();
        var version = package.NormalizedVersion.ToLowerInvariant();
        var versionFolder = Path.Combine(folder, id, version);
        var packageFile = Path.Combine(versionFolder, $"{id}.{version}.nupkg");
        return new FolderFeedEntry(layout, packageFile, Path.ChangeExtension(packageFile, ".snupkg"), Path.Combine(versionFolder, $"{id}.nuspec"), packageFile + ".sha512");
    }

    /// <summary>The entry of a .nupkg found in a flat feed, under the name it has there.</summary>
    public static FolderFeedEntry Flat(string packageFile) =>
        new(FolderFeedLayout.Flat, packageFile, Path.ChangeExtension(packageFile, ".snupkg"), null, null);

    /// <summary>Whether NuGet lists the version: its .nupkg is there and, in the hierarchical layout, its .sha512.</summary>
    public bool IsListed => File.Exists(Package) && (Hash is null || File.Exists(Hash));
}
