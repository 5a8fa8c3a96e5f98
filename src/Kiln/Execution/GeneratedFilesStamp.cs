using System.Globalization;

namespace Kiln.Execution;

/// <summary>
/// Remembers (in .nuke/temp) which compiled build last wrote or checked some generated files (the parameters schema,
/// the workflows), so that a local run of the same build can leave them alone without generating them again: they
/// follow from the build's assemblies alone, and generating them is a noticeable part of a warm start.
/// </summary>
internal sealed class GeneratedFilesStamp(AbsolutePath root, Type buildType, string name, Func<IEnumerable<string>> files)
{
    private AbsolutePath StampFile => root / BuildRoot.MarkerDirectory / "temp" / $"{name}.stamp";

    /// <summary>True when this build's assemblies and the files are as they were when the stamp was written.</summary>
    public bool IsCurrent()
    {
        try
        {
            return File.Exists(StampFile) && File.ReadAllText(StampFile) == Compute();
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Records that the files now match this build. A stamp that cannot be written only costs the next start time.</summary>
    public void Write()
    {
        try
        {
            Directory.CreateDirectory(StampFile.Parent!);
            File.WriteAllText(StampFile, Compute());
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Nothing lost: the next run generates the files again.
        }
    }

    /// <summary>
    /// The build type, the size and time of every assembly beside the running build (build.sh puts the build, Kiln and
    /// the components there, and compiles them again whenever their inputs change), and each file's size and time (an
    /// edited, deleted or checked-out file is generated again).
    /// </summary>
    private string Compute()
    {
        var assemblies = Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll").Select(State).Order(StringComparer.Ordinal);
        var generated = files().Select(State).Order(StringComparer.Ordinal);
        return string.Join('\n', [buildType.AssemblyQualifiedName ?? buildType.FullName ?? buildType.Name, .. generated, .. assemblies]);
    }

    private static string State(string path)
    {
        var file = new FileInfo(path);
        return file.Exists
            ? $"{file.FullName} {file.Length.ToString(CultureInfo.InvariantCulture)} {file.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture)}"
            : $"{file.FullName} missing";
    }
}
