namespace Kiln.Execution;

/// <summary>Finds the repository root: the nearest folder, upwards, that holds a .nuke directory.</summary>
internal static class BuildRoot
{
    public const string MarkerDirectory = ".nuke";

    /// <summary>Searches upwards from each start folder in turn; the first root found wins.</summary>
    public static AbsolutePath? Find(params string[] startFolders)
    {
        foreach (var start in startFolders)
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (Directory.Exists(Path.Combine(folder.FullName, MarkerDirectory)))
                {
                    return AbsolutePath.Create(folder.FullName);
                }
            }
        }

        return null;
    }
}
