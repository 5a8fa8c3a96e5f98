using System.Globalization;
using Kiln.Execution;

namespace Kiln.Parameters;

/// <summary>
/// Remembers (in .nuke/temp) which compiled build last wrote or checked .nuke/build.schema.json, so that a local run
/// of the same build can leave the schema alone without generating it again: the schema follows from the build's
/// assemblies alone, and generating it is a noticeable part of a warm start (--help).
/// </summary>
internal sealed class BuildSchemaStamp(AbsolutePath root, Type buildType)
{
    private AbsolutePath StampFile => root / BuildRoot.MarkerDirectory / "temp" / "build.schema.stamp";

    private AbsolutePath SchemaFile => root / BuildRoot.MarkerDirectory / "build.schema.json";

    /// <summary>True when this build's assemblies and the schema file are as they were when the stamp was written.</summary>
    public bool IsCurrent()
    {
        try
        {
            return File.Exists(StampFile) && File.Exists(SchemaFile) && File.ReadAllText(StampFile) == Compute();
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Records that the schema file now matches this build. A stamp that cannot be written only costs the next start time.</summary>
    public void Write()
    {
        try
        {
            Directory.CreateDirectory(StampFile.Parent!);
            File.WriteAllText(StampFile, Compute());
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Nothing lost: the next run generates the schema again.
        }
    }

    /// <summary>
    /// The build type, the module version id of every loaded assembly (the build, Kiln, the components; a deterministic
    /// compile changes the id exactly when the assembly changes), and the schema file's size and time (an edited or
    /// checked-out schema is generated again).
    /// </summary>
    private string Compute()
    {
        var modules = AppDomain.CurrentDomain.GetAssemblies()
            .Where(assembly => !assembly.IsDynamic)
            .Select(assembly => assembly.ManifestModule.ModuleVersionId.ToString("N"))
            .Order(StringComparer.Ordinal);
        var schema = new FileInfo(SchemaFile);
        return string.Join(
            '\n',
            [buildType.AssemblyQualifiedName ?? buildType.FullName ?? buildType.Name, schema.Length.ToString(CultureInfo.InvariantCulture),
                schema.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture), .. modules]);
    }
}
