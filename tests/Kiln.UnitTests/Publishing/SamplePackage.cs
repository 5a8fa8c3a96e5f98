using System.IO.Compression;
using System.Text;

namespace Kiln.UnitTests.Publishing;

/// <summary>Writes small .nupkg (and .snupkg) files with a .nuspec, as dotnet pack lays them out.</summary>
internal static class SamplePackage
{
    public static string Write(string folder, string id, string version, string content = "v1", bool withSymbols = true)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{id}.{version}.nupkg");
        WriteZip(path, id, version, ("lib/net10.0/readme.txt", content));
        if (withSymbols)
        {
            WriteZip(Path.ChangeExtension(path, ".snupkg"), id, version, ("lib/net10.0/symbols.txt", content));
        }

        return path;
    }

    private static void WriteZip(string path, string id, string version, (string Name, string Text) file)
    {
        File.Delete(path);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        Add(zip, $"{id}.nuspec", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
              <metadata><id>{id}</id><version>{version}</version><authors>Kiln</authors><description>Sample.</description></metadata>
            </package>
            """);
        Add(zip, file.Name, file.Text);
    }

    private static void Add(ZipArchive zip, string name, string text)
    {
        // A fixed time, so that the same content always makes the same bytes.
        var entry = zip.CreateEntry(name);
        entry.LastWriteTime = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var stream = entry.Open();
        stream.Write(Encoding.UTF8.GetBytes(text));
    }
}
