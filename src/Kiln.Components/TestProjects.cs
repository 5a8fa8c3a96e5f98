using System.Runtime.CompilerServices;
using Microsoft.Extensions.FileSystemGlobbing;

namespace Kiln.Components;

/// <summary>
/// The test projects a tier's name patterns select, in path order. A run looks once: the tiers define their targets,
/// run and report from the same discovery, kept with the build instance (one per run) and keyed by root.
/// </summary>
internal static class TestProjects
{
    private static readonly ConditionalWeakTable<object, TestProjectDiscovery> Runs = new();

    public static IReadOnlyList<AbsolutePath> Find(ITest build, AbsolutePath root, IReadOnlyList<string> patterns) =>
        DiscoveryOf(build).Find(root, patterns);

    /// <summary>The run's discovery: what it found so far, and how often it read the disk.</summary>
    public static TestProjectDiscovery DiscoveryOf(ITest build) => Runs.GetValue(build, _ => new());

    /// <summary>A project's name, which names its results: tests/Kiln.UnitTests/Kiln.UnitTests.csproj is Kiln.UnitTests.</summary>
    public static string NameOf(AbsolutePath project) => Path.GetFileNameWithoutExtension(project);
}

/// <summary>
/// One run's view of where its test projects are. The conventional shape, <c>folder/*/*.Last.csproj</c>, is answered from
/// one listing of each such folder (its project folders and their files, one level deep, read once per root); other
/// patterns go to the glob matcher, once per root and pattern list.
/// </summary>
internal sealed class TestProjectDiscovery
{
    // Excluded as the glob matcher excludes them (**/bin/**, **/obj/**, **/node_modules/**): a folder of that name anywhere on the way.
    private static readonly string[] ExcludedFolders = ["bin", "obj", "node_modules"];

    private readonly Dictionary<string, Dictionary<string, IReadOnlyList<(string Folder, string[] Files)>>> listings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<AbsolutePath>> globbed = new(StringComparer.Ordinal);

    // Tiers run side by side with --max-parallel; one of them looks at the disk, the others wait for what it found.
    private readonly Lock gate = new();

    /// <summary>How many times this discovery read folders from the disk: one per root and conventional folder, one per other pattern list.</summary>
    public int DiskReads { get; private set; }

    public IReadOnlyList<AbsolutePath> Find(AbsolutePath root, IReadOnlyList<string> patterns)
    {
        lock (gate)
        {
            return FindLocked(root, patterns);
        }
    }

    private IReadOnlyList<AbsolutePath> FindLocked(AbsolutePath root, IReadOnlyList<string> patterns)
    {
        if (!Directory.Exists(root))
        {
            return [];
        }

        var shapes = new List<(string Folder, string Suffix)>(patterns.Count);
        foreach (var pattern in patterns)
        {
            if (!TryConventional(pattern, out var folder, out var suffix))
            {
                return Globbed(root, patterns);
            }

            shapes.Add((folder, suffix));
        }

        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (folder, suffix) in shapes)
        {
            foreach (var (projectFolder, files) in Listing(root, folder))
            {
                foreach (var file in files)
                {
                    if (file.Length >= suffix.Length && file.EndsWith(suffix, StringComparison.Ordinal))
                    {
                        found.Add(Path.Combine(projectFolder, file));
                    }
                }
            }
        }

        return [.. found.Select(AbsolutePath.Create)];
    }

    /// <summary>
    /// A pattern of the conventional shape: a plain folder name, <c>*</c>, and <c>*</c> followed by a plain file name end
    /// (<c>tests/*/*.Tests.csproj</c>).
    /// </summary>
    private static bool TryConventional(string pattern, out string folder, out string suffix)
    {
        folder = suffix = string.Empty;
        var parts = pattern.Split('/');
        if (parts.Length != 3 || parts[1] != "*" || !parts[2].StartsWith('*') || parts[0].Length == 0 || parts[0] is "." or ".."
            || IsSpecial(parts[0]) || IsSpecial(parts[2][1..]) || ExcludedFolders.Contains(parts[0], StringComparer.Ordinal))
        {
            return false;
        }

        folder = parts[0];
        suffix = parts[2][1..];
        return suffix.Length > 0;
    }

    // What makes a pattern's part more than a plain name to the matcher (a plain loop: SearchValues costs start-up JIT).
    private static bool IsSpecial(string text)
    {
        foreach (var character in text)
        {
            if (character is '*' or '?' or '[' or ']' or '{' or '}' or '!' or '\\' or ':')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The project folders right under root/folder (by ordinal name, as the matcher compares) and their files.</summary>
    private IReadOnlyList<(string Folder, string[] Files)> Listing(string root, string folder)
    {
        if (!listings.TryGetValue(root, out var folders))
        {
            folders = new(StringComparer.Ordinal);
            listings[root] = folders;
        }

        if (folders.TryGetValue(folder, out var listing))
        {
            return listing;
        }

        DiskReads++;
        var result = new List<(string Folder, string[] Files)>();
        var path = Path.Combine(root, folder);
        // The name as the disk spells it: on a disk that ignores case, Tests/ is not tests/ to the matcher either.
        if (Directory.Exists(path) && Directory.EnumerateDirectories(root, folder).Any(found => Path.GetFileName(found) == folder))
        {
            foreach (var projectFolder in Directory.EnumerateDirectories(path))
            {
                if (!ExcludedFolders.Contains(Path.GetFileName(projectFolder), StringComparer.Ordinal))
                {
                    result.Add((projectFolder, [.. Directory.EnumerateFiles(projectFolder).Select(file => Path.GetFileName(file)!)]));
                }
            }
        }

        folders[folder] = result;
        return result;
    }

    private IReadOnlyList<AbsolutePath> Globbed(AbsolutePath root, IReadOnlyList<string> patterns)
    {
        var key = $"{root}\n{string.Join('\n', patterns)}";
        if (globbed.TryGetValue(key, out var projects))
        {
            return projects;
        }

        DiskReads++;
        var matcher = GlobPatterns.Matcher(patterns);
        matcher.AddExclude("**/bin/**").AddExclude("**/obj/**").AddExclude("**/node_modules/**");
        projects = [.. matcher.GetResultsInFullPath(root).Order(StringComparer.Ordinal).Select(AbsolutePath.Create)];
        globbed[key] = projects;
        return projects;
    }
}
