namespace Kiln;

/// <summary>Operations on several paths at once, as globbing returns them: <c>RootDirectory.GlobDirectories("**/bin").DeleteDirectories()</c>.</summary>
public static class AbsolutePathExtensions
{
    /// <summary>Deletes each folder with everything in it; folders that do not exist are passed over.</summary>
    public static void DeleteDirectories(this IEnumerable<AbsolutePath> directories)
    {
        ArgumentNullException.ThrowIfNull(directories);
        foreach (var directory in directories)
        {
            directory.DeleteDirectory();
        }
    }

    /// <summary>Deletes each file; files that do not exist are passed over.</summary>
    public static void DeleteFiles(this IEnumerable<AbsolutePath> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        foreach (var file in files)
        {
            file.DeleteFile();
        }
    }
}
