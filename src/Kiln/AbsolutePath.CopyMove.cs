namespace Kiln;

public sealed partial class AbsolutePath
{
    /// <summary>
    /// Copies this file or folder (with everything in it) to <paramref name="target"/>, creating its parent folders,
    /// and returns the target. <paramref name="policy"/> says what to do when the target exists; by default it is an error.
    /// </summary>
    public AbsolutePath Copy(AbsolutePath target, ExistsPolicy policy = ExistsPolicy.Fail)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (TransferredAsFile(target, policy, move: false))
        {
            return target;
        }

        foreach (var folder in Directory.EnumerateDirectories(path, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(target / Path.GetRelativePath(path, folder));
        }

        target.CreateDirectory();
        TransferFiles(target, policy, move: false);
        return target;
    }

    /// <summary>Copies this file or folder into <paramref name="directory"/>, keeping its name; returns the new path.</summary>
    public AbsolutePath CopyToDirectory(AbsolutePath directory, ExistsPolicy policy = ExistsPolicy.Fail) => Copy(NameIn(directory), policy);

    /// <summary>
    /// Moves this file or folder to <paramref name="target"/>, creating its parent folders, and returns the target.
    /// When folders merge, files the policy keeps stay behind in the source, and the source is deleted only once empty.
    /// </summary>
    public AbsolutePath Move(AbsolutePath target, ExistsPolicy policy = ExistsPolicy.Fail)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (TransferredAsFile(target, policy, move: true))
        {
            return target;
        }

        if (!target.Exists())
        {
            target.Parent?.CreateDirectory();
            Directory.Move(path, target);
            return target;
        }

        TransferFiles(target, policy, move: true);
        DeleteEmptyFolders(path);
        return target;
    }

    /// <summary>Moves this file or folder into <paramref name="directory"/>, keeping its name; returns the new path.</summary>
    public AbsolutePath MoveToDirectory(AbsolutePath directory, ExistsPolicy policy = ExistsPolicy.Fail) => Move(NameIn(directory), policy);

    /// <summary>Renames this file or folder within its folder; returns the new path.</summary>
    public AbsolutePath Rename(string newName, ExistsPolicy policy = ExistsPolicy.Fail)
    {
        ArgumentException.ThrowIfNullOrEmpty(newName);
        var parent = Parent ?? throw new KilnException($"Cannot rename '{path}': it is a file system root.");
        return Move(parent / newName, policy);
    }

    /// <summary>Where this file or folder goes in <paramref name="directory"/>: there, under its own name.</summary>
    private AbsolutePath NameIn(AbsolutePath directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return directory / Name;
    }

    /// <summary>Checks the transfer and, when this is a file, does it: true then; false for a folder, which the caller transfers.</summary>
    private bool TransferredAsFile(AbsolutePath target, ExistsPolicy policy, bool move)
    {
        CheckTransfer(move ? "move" : "copy", target, policy);
        if (!File.Exists(path))
        {
            return false;
        }

        TransferFile(path, target, policy, move);
        return true;
    }

    /// <summary>Copies or moves every file under this folder to the same place under <paramref name="target"/>.</summary>
    private void TransferFiles(AbsolutePath target, ExistsPolicy policy, bool move)
    {
        // Listed before the first transfer: a move changes the folder being enumerated.
        foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).ToList())
        {
            TransferFile(file, target / Path.GetRelativePath(path, file), policy, move);
        }
    }

    private void CheckTransfer(string verb, AbsolutePath target, ExistsPolicy policy)
    {
        if (target == this)
        {
            throw new KilnException($"Cannot {verb} '{path}' onto itself.");
        }

        if (File.Exists(path))
        {
            if (Directory.Exists(target))
            {
                throw new KilnException($"Cannot {verb} '{path}' to '{target}': a folder is there. Use {Capitalized(verb)}ToDirectory to put the file into it.");
            }

            return;
        }

        if (!Directory.Exists(path))
        {
            throw new KilnException($"Cannot {verb} '{path}': no file or folder is there.");
        }

        if (target.path.StartsWith(path + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new KilnException($"Cannot {verb} the folder '{path}' into itself ('{target}').");
        }

        if (File.Exists(target))
        {
            throw new KilnException($"Cannot {verb} the folder '{path}' to '{target}': a file is there.");
        }

        if (Directory.Exists(target) && !policy.HasFlag(ExistsPolicy.DirectoryMerge))
        {
            throw new KilnException($"Cannot {verb} '{path}' to '{target}': the folder exists. Pass ExistsPolicy.MergeAndOverwrite (or MergeAndSkip, MergeAndOverwriteIfNewer) to merge into it.");
        }
    }

    private static void TransferFile(string source, AbsolutePath target, ExistsPolicy policy, bool move)
    {
        if (File.Exists(target) && !ReplacesExisting(source, target, policy, move ? "move" : "copy"))
        {
            return;
        }

        target.Parent?.CreateDirectory();
        if (move)
        {
            File.Move(source, target, overwrite: true);
        }
        else
        {
            File.Copy(source, target, overwrite: true);
        }
    }

    private static bool ReplacesExisting(string source, string target, ExistsPolicy policy, string verb)
    {
        if (policy.HasFlag(ExistsPolicy.FileOverwriteIfNewer))
        {
            return File.GetLastWriteTimeUtc(source) > File.GetLastWriteTimeUtc(target);
        }

        if (policy.HasFlag(ExistsPolicy.FileOverwrite))
        {
            return true;
        }

        if (policy.HasFlag(ExistsPolicy.FileSkip))
        {
            return false;
        }

        throw new KilnException($"Cannot {verb} '{source}' to '{target}': the file exists. Pass ExistsPolicy.FileOverwrite (or FileSkip, FileOverwriteIfNewer) to replace or keep it.");
    }

    private static void DeleteEmptyFolders(string folder)
    {
        foreach (var child in Directory.EnumerateDirectories(folder))
        {
            DeleteEmptyFolders(child);
        }

        if (!Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
        }
    }

    private static string Capitalized(string verb) => char.ToUpperInvariant(verb[0]) + verb[1..];
}
