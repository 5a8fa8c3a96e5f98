namespace Kiln.IntegrationTests;

/// <summary>Temporary folders the tests make: repositories, clones, samples.</summary>
internal static class ScratchFolder
{
    /// <summary>Deletes the folder with everything in it, git's read-only objects included; a folder that will not go is left.</summary>
    public static void Delete(string folder)
    {
        try
        {
            // git makes its objects read-only.
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }

            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; the tests' results matter.
        }
    }

    /// <summary>Copies a folder with its subfolders, leaving out build output (bin, obj); existing files are overwritten.</summary>
    public static void Copy(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)), overwrite: true);
        }

        foreach (var folder in Directory.GetDirectories(source).Where(folder => Path.GetFileName(folder) is not ("bin" or "obj")))
        {
            Copy(folder, Path.Combine(destination, Path.GetFileName(folder)));
        }
    }
}
