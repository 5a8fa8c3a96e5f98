namespace Kiln.Versioning.Configuration;

/// <summary>How AssemblySemVer and AssemblySemFileVer are built.</summary>
public enum AssemblyVersioningScheme
{
    /// <summary><c>M.m.p.&lt;pre-release number or 0&gt;</c>.</summary>
    MajorMinorPatchTag,

    /// <summary><c>M.m.p.0</c> (the default).</summary>
    MajorMinorPatch,

    /// <summary><c>M.m.0.0</c>.</summary>
    MajorMinor,

    /// <summary><c>M.0.0.0</c>.</summary>
    Major,

    /// <summary>No assembly version.</summary>
    None,
}
