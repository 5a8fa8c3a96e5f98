namespace Kiln.Publishing;

/// <summary>How a folder feed stores its packages; NuGet reads both, but one feed in one layout only.</summary>
internal enum FolderFeedLayout
{
    /// <summary>id.version.nupkg in the folder itself, as <c>dotnet nuget push</c> to a folder writes it.</summary>
    Flat,

    /// <summary>
    /// id/version/id.version.nupkg in lower case, with id.nuspec and id.version.nupkg.sha512 beside it, as
    /// <c>nuget add</c> writes it. NuGet lists a version only once its .sha512 is there.
    /// </summary>
    Hierarchical,
}
