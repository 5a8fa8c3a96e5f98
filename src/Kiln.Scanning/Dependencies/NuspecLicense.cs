using System.Xml;
using NuGet.Packaging;
using NuGet.Packaging.Core;

namespace Kiln.Scanning.Dependencies;

/// <summary>Reads the license a package's nuspec declares, from its extracted folder in the packages folder.</summary>
internal static class NuspecLicense
{
    /// <summary>The license of the package in <paramref name="folder"/>; <see cref="PackageLicense.NotFound"/> without a nuspec.</summary>
    public static PackageLicense Read(string folder, string id)
    {
        var nuspec = Path.Combine(folder, id.ToLowerInvariant() + ".nuspec");
        if (!File.Exists(nuspec))
        {
            nuspec = Directory.EnumerateFiles(folder, "*" + ".nuspec").Order(StringComparer.Ordinal).FirstOrDefault() ?? "";
        }

        if (!File.Exists(nuspec))
        {
            return PackageLicense.NotFound;
        }

        try
        {
            var reader = new NuspecReader(nuspec);
            var element = reader.Xml.Root?.Descendants().FirstOrDefault(node => node.Name.LocalName == "license");
            var type = (string?)element?.Attribute("type");
            var value = element?.Value.Trim();
            if (!string.IsNullOrEmpty(value) && string.Equals(type, "expression", StringComparison.OrdinalIgnoreCase))
            {
                return new PackageLicense(PackageLicenseKind.Expression, value);
            }

            if (!string.IsNullOrEmpty(value) && string.Equals(type, "file", StringComparison.OrdinalIgnoreCase))
            {
                return new PackageLicense(PackageLicenseKind.File, value);
            }

            var url = reader.GetLicenseUrl()?.Trim();
            return string.IsNullOrEmpty(url) ? PackageLicense.None : new PackageLicense(PackageLicenseKind.Url, url);
        }
        catch (Exception exception) when (exception is XmlException or InvalidDataException or IOException or PackagingException)
        {
            return PackageLicense.None;
        }
    }
}
