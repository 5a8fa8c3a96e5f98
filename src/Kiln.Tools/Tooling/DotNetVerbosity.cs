using System.ComponentModel;

namespace Kiln.Tooling;

/// <summary>MSBuild's verbosity levels, as NUKE names them: <c>s.SetVerbosity(DotNetVerbosity.Minimal)</c>.</summary>
[TypeConverter(typeof(TypeConverter<DotNetVerbosity>))]
public sealed class DotNetVerbosity : Enumeration
{
    /// <summary>Errors only.</summary>
    public static DotNetVerbosity Quiet { get; } = new() { Value = "quiet" };

    /// <summary>Errors, warnings and a summary.</summary>
    public static DotNetVerbosity Minimal { get; } = new() { Value = "minimal" };

    /// <summary>dotnet's default.</summary>
    public static DotNetVerbosity Normal { get; } = new() { Value = "normal" };

    /// <summary>Targets and tasks.</summary>
    public static DotNetVerbosity Detailed { get; } = new() { Value = "detailed" };

    /// <summary>Everything MSBuild knows.</summary>
    public static DotNetVerbosity Diagnostic { get; } = new() { Value = "diagnostic" };
}
