using System.IO.Compression;
using System.Security.Cryptography;

namespace Kiln.Publishing;

/// <summary>
/// A folder feed, written by Kiln itself rather than by <c>dotnet nuget push</c>, which overwrites a version silently
/// and ignores --skip-duplicate there. A version already in the feed (in either layout) is left alone when its bytes
/// are the same and refused when they differ. A new version goes in the feed's layout (flat when the feed is new).
/// Every file is written under a temporary name in its folder and then renamed, the package after its symbols and
/// before the hash that makes a hierarchical feed list it, so an interrupted publish never leaves half a file, and
/// publishing again finishes what is missing.
/// </summary>
internal sealed class FolderFeed(string folder)
{
    /// <summary>The feed's folder, as a full path.</summary>
    public string Folder { get; } = folder;

    /// <summary>
    /// The feed's layout: hierarchical when it has id/version/*.nupkg folders and no .nupkg of its own, otherwise flat
    /// (as NuGet tells them apart; an empty or missing folder is flat, as dotnet nuget push makes it).
    /// </summary>
    public FolderFeedLayout Layout =>
        Directory.Exists(Folder)
        && !Directory.EnumerateFiles(Folder, "*.nupkg").Any()
        && Directory.EnumerateDirectories(Folder).SelectMany(Directory.EnumerateDirectories).SelectMany(version => Directory.EnumerateFiles(version, "*.nupkg")).Any()
            ? FolderFeedLayout.Hierarchical
            : FolderFeedLayout.Flat;

    /// <summary>
    /// The files of the package's version when the feed has its .nupkg in either layout: flat (id.version.nupkg, the
    /// name compared ignoring case, as NuGet does) or hierarchical (id/version/id.version.nupkg in lower case); null
    /// when it has neither.
    /// </summary>
    public FolderFeedEntry? FindExisting(PackageIdentity package)
    {
        ArgumentNullException.ThrowIfNull(package);
        if (!Directory.Exists(Folder))
        {
            return null;
        }

        var flat = Directory.EnumerateFiles(Folder, "*.nupkg")
            .FirstOrDefault(file => string.Equals(Path.GetFileName(file), package.FileName, StringComparison.OrdinalIgnoreCase));
        if (flat is not null)
        {
            return FolderFeedEntry.Flat(flat);
        }

        var hierarchical = FolderFeedEntry.For(Folder, package, FolderFeedLayout.Hierarchical);
        return File.Exists(hierarchical.Package) ? hierarchical : null;
    }

    /// <summary>
    /// Publishes the package, and the .snupkg beside it when there is one, unless the feed lists that version already.
    /// Files of the version missing from the feed (symbols, a hierarchical feed's .nuspec and .sha512) are added.
    /// </summary>
    /// <returns><see cref="PublishOutcome.AlreadyPublished"/> when the feed listed the version before.</returns>
    /// <exception cref="KilnException">The feed has that version with other content (package or symbols).</exception>
    public PublishOutcome Publish(string packageFile, PackageIdentity package)
    {
        ArgumentNullException.ThrowIfNull(packageFile);
        ArgumentNullException.ThrowIfNull(package);
        var entry = FindExisting(package) ?? FolderFeedEntry.For(Folder, package, Layout);
        var wasListed = entry.IsListed;
        var packageExists = File.Exists(entry.Package);
        if (packageExists)
        {
            RequireSame(entry.Package, packageFile, package, "content");
        }

        var symbolsFile = Path.ChangeExtension(packageFile, ".snupkg");
        if (File.Exists(symbolsFile))
        {
            if (packageExists && File.Exists(entry.Symbols))
            {
                RequireSame(entry.Symbols, symbolsFile, package, "symbols");
            }
            else
            {
                // Symbols without their package are what an interrupted publish left: replaced, not compared.
                WriteAtomically(entry.Symbols, temporary => File.Copy(symbolsFile, temporary));
                if (packageExists)
                {
                    Log.Information($"{package} is in {Folder} without its symbols: added {Path.GetFileName(entry.Symbols)}.");
                }
            }
        }

        if (entry.Nuspec is { } nuspec && !File.Exists(nuspec))
        {
            WriteAtomically(nuspec, temporary => ExtractNuspec(packageFile, temporary));
        }

        if (!packageExists)
        {
            WritePackage(entry.Package, packageFile, package);
        }

        if (entry.Hash is { } hash && !File.Exists(hash))
        {
            WriteAtomically(hash, temporary => File.WriteAllText(temporary, Sha512(entry.Package)));
        }

        return wasListed ? PublishOutcome.AlreadyPublished : PublishOutcome.Published;
    }

    /// <summary>Renames into place without replacing: a package written meanwhile by another publish is compared instead.</summary>
    private void WritePackage(string target, string packageFile, PackageIdentity package)
    {
        try
        {
            WriteAtomically(target, temporary => File.Copy(packageFile, temporary), overwrite: false);
        }
        catch (IOException) when (File.Exists(target))
        {
            RequireSame(target, packageFile, package, "content");
        }
    }

    private void RequireSame(string published, string local, PackageIdentity package, string what)
    {
        if (!SameBytes(published, local))
        {
            throw new KilnException($"{package} is already in {Folder} with different {what}: a published version is never overwritten; bump the version (commit or tag) and publish again.");
        }
    }

    private static bool SameBytes(string left, string right)
    {
        if (new FileInfo(left).Length != new FileInfo(right).Length)
        {
            return false;
        }

        using var leftStream = File.OpenRead(left);
        using var rightStream = File.OpenRead(right);
        return SHA256.HashData(leftStream).AsSpan().SequenceEqual(SHA256.HashData(rightStream));
    }

    private static string Sha512(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToBase64String(SHA512.HashData(stream));
    }

    private static void ExtractNuspec(string packageFile, string target)
    {
        using var package = ZipFile.OpenRead(packageFile);
        package.Entries
            .First(entry => !entry.FullName.Contains('/', StringComparison.Ordinal) && entry.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase))
            .ExtractToFile(target);
    }

    /// <summary>Writes under a temporary name in the target's folder, then renames: readers see the whole file or none.</summary>
    private static void WriteAtomically(string target, Action<string> write, bool overwrite = true)
    {
        var directory = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            write(temporary);
            File.Move(temporary, target, overwrite);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
