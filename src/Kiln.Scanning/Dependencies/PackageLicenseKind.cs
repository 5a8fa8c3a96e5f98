namespace Kiln.Scanning.Dependencies;

/// <summary>The forms a nuspec can declare a license in.</summary>
public enum PackageLicenseKind
{
    /// <summary><c>&lt;license type="expression"&gt;</c>: an SPDX license expression.</summary>
    Expression,

    /// <summary><c>&lt;license type="file"&gt;</c>: a license text inside the package.</summary>
    File,

    /// <summary>The legacy <c>&lt;licenseUrl&gt;</c> alone.</summary>
    Url,

    /// <summary>The nuspec declares no license.</summary>
    None,

    /// <summary>The package's nuspec is not in any packages folder (restore has not run here).</summary>
    NotFound,
}
