namespace Kiln.Scanning.Dependencies;

/// <summary>What a package's nuspec says about its license.</summary>
/// <param name="Kind">Which form the nuspec uses.</param>
/// <param name="Value">
/// The SPDX expression (<see cref="PackageLicenseKind.Expression"/>), the file inside the package
/// (<see cref="PackageLicenseKind.File"/>), the URL (<see cref="PackageLicenseKind.Url"/>); empty otherwise.
/// </param>
public sealed record PackageLicense(PackageLicenseKind Kind, string Value)
{
    /// <summary>A nuspec that declares no license.</summary>
    public static PackageLicense None { get; } = new(PackageLicenseKind.None, "");

    /// <summary>A package whose nuspec is not in any packages folder.</summary>
    public static PackageLicense NotFound { get; } = new(PackageLicenseKind.NotFound, "");

    /// <summary>The license as the nuspec states it, for messages.</summary>
    public override string ToString() => Kind switch
    {
        PackageLicenseKind.Expression => Value,
        PackageLicenseKind.File => $"license file {Value} in the package",
        PackageLicenseKind.Url => $"licenseUrl {Value}",
        PackageLicenseKind.None => "no license in its nuspec",
        _ => "no nuspec in the packages folder",
    };
}
