namespace Kiln;

/// <summary>
/// What <see cref="AbsolutePath.Copy"/> and <see cref="AbsolutePath.Move"/> do when the target exists: one choice for
/// a folder (fail or merge) combined with one for each file (fail, skip, overwrite, overwrite if newer).
/// </summary>
[Flags]
public enum ExistsPolicy
{
    /// <summary>An existing target folder is an error.</summary>
    DirectoryFail = 1,

    /// <summary>Files go into an existing target folder; what happens to each file that exists follows the file choice.</summary>
    DirectoryMerge = 2,

    /// <summary>An existing target file is an error.</summary>
    FileFail = 4,

    /// <summary>An existing target file is kept; the source file is left where it is.</summary>
    FileSkip = 8,

    /// <summary>An existing target file is replaced.</summary>
    FileOverwrite = 16,

    /// <summary>An existing target file is replaced only when the source was written later; otherwise it is kept.</summary>
    FileOverwriteIfNewer = 32,

    /// <summary>Any existing target is an error (the default).</summary>
    Fail = DirectoryFail | FileFail,

    /// <summary>Merge folders, keep existing files.</summary>
    MergeAndSkip = DirectoryMerge | FileSkip,

    /// <summary>Merge folders, replace existing files.</summary>
    MergeAndOverwrite = DirectoryMerge | FileOverwrite,

    /// <summary>Merge folders, replace existing files that are older than the source.</summary>
    MergeAndOverwriteIfNewer = DirectoryMerge | FileOverwriteIfNewer,
}
