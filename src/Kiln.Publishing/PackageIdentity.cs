using System.Globalization;
using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;

namespace Kiln.Publishing;

/// <summary>A package's id and version, as its .nuspec states them.</summary>
/// <param name="Id">The package id, as written (Kiln.Components).</param>
/// <param name="Version">The version, as written (1.2.0-beta.3, or 1.2.0+sha.5b1e3f2 with build metadata).</param>
public sealed record PackageIdentity(string Id, string Version)
{
    /// <summary>
    /// The version as NuGet names files and feeds list it: no build metadata, three numbers at least, a fourth only
    /// when it is not zero, no leading zeros (1.2 and 1.2.0.0 are 1.2.0; 1.2.0+sha.5b1e3f2 is 1.2.0).
    /// </summary>
    public string NormalizedVersion => Normalize(Version);

    /// <summary>Whether the version has a pre-release label (1.2.0-beta.3).</summary>
    public bool IsPrerelease => NormalizedVersion.Contains('-', StringComparison.Ordinal);

    /// <summary>The file name dotnet pack gives the package: id.version.nupkg (Kiln.1.2.0.nupkg).</summary>
    public string FileName => $"{Id}.{NormalizedVersion}.nupkg";

    /// <summary>The file name of its symbol package: id.version.snupkg.</summary>
    public string SymbolsFileName => $"{Id}.{NormalizedVersion}.snupkg";

    /// <summary>Reads the id and version from the .nuspec inside a .nupkg.</summary>
    /// <param name="packageFile">The .nupkg file.</param>
    /// <exception cref="KilnException">The file is missing or is not a NuGet package.</exception>
    public static PackageIdentity FromFile(string packageFile)
    {
        ArgumentNullException.ThrowIfNull(packageFile);
        if (!File.Exists(packageFile))
        {
            throw new KilnException($"{packageFile} does not exist: run Pack first, or pass the .nupkg files Pack wrote.");
        }

        try
        {
            using var package = ZipFile.OpenRead(packageFile);
            var nuspec = package.Entries.FirstOrDefault(entry => !entry.FullName.Contains('/', StringComparison.Ordinal) && entry.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase))
                ?? throw new KilnException($"{packageFile} has no .nuspec at its root, so it is not a NuGet package: pack it again with dotnet pack.");
            using var stream = nuspec.Open();
            var metadata = XDocument.Load(stream).Root?.Elements().FirstOrDefault(element => element.Name.LocalName == "metadata");
            string? Read(string name) => metadata?.Elements().FirstOrDefault(element => element.Name.LocalName == name)?.Value.Trim();
            return Read("id") is { Length: > 0 } id && Read("version") is { Length: > 0 } version
                ? new PackageIdentity(id, version)
                : throw new KilnException($"{packageFile} has a .nuspec without an id or a version: pack it again with dotnet pack.");
        }
        catch (Exception exception) when (exception is InvalidDataException or XmlException)
        {
            throw new KilnException($"{packageFile} is not a NuGet package (no zip with a readable .nuspec): pack it again with dotnet pack.", exception);
        }
    }

    /// <summary>"Kiln.Components 1.2.0", the id and the normalized version.</summary>
    public override string ToString() => $"{Id} {NormalizedVersion}";

    private static string Normalize(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var withoutMetadata = version.Split('+')[0].Trim();
        var labelStart = withoutMetadata.IndexOf('-', StringComparison.Ordinal);
        var core = labelStart < 0 ? withoutMetadata : withoutMetadata[..labelStart];
        var label = labelStart < 0 ? string.Empty : withoutMetadata[labelStart..];
        var numbers = new List<long>();
        foreach (var part in core.Split('.'))
        {
            if (!long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                // Not a version NuGet would accept: leave it as written, for the feed to judge.
                return withoutMetadata;
            }

            numbers.Add(number);
        }

        while (numbers.Count < 3)
        {
            numbers.Add(0);
        }

        if (numbers.Count == 4 && numbers[3] == 0)
        {
            numbers.RemoveAt(3);
        }

        return string.Join('.', numbers.Select(number => number.ToString(CultureInfo.InvariantCulture))) + label;
    }
}
