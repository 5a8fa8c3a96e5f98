using Microsoft.Extensions.FileSystemGlobbing;
using Microsoft.Extensions.FileSystemGlobbing.Abstractions;

namespace Kiln;

public sealed partial class AbsolutePath
{
    /// <summary>
    /// The files under this folder that match the globs (<c>**/*.csproj</c>; a leading <c>!</c> excludes), in ordinal
    /// order; none when the folder does not exist.
    /// </summary>
    /// <param name="patterns">Globs relative to this folder; backslashes count as separators.</param>
    public IReadOnlyCollection<AbsolutePath> GlobFiles(params string[] patterns)
    {
        if (!Directory.Exists(path))
        {
            return [];
        }

        var result = GlobPatterns.Matcher(Normalized(patterns)).Execute(new DirectoryInfoWrapper(new DirectoryInfo(path)));
        return Sorted(result.Files.Select(match => this / match.Path));
    }

    /// <summary>
    /// The folders under this folder that match the globs (<c>**/bin</c>, <c>src/*/obj</c>), in ordinal order; none
    /// when the folder does not exist. A glob's last segment names the folder itself.
    /// </summary>
    /// <param name="patterns">Globs relative to this folder; backslashes count as separators.</param>
    public IReadOnlyCollection<AbsolutePath> GlobDirectories(params string[] patterns)
    {
        if (!Directory.Exists(path))
        {
            return [];
        }

        // The matcher walks files only; handing it the folders as if they were files matches a glob's last segment
        // against a folder's name.
        var folders = Directory.EnumerateDirectories(path, "*", SearchOption.AllDirectories);
        var result = GlobPatterns.Matcher(Normalized(patterns)).Match(path, folders);
        return Sorted(result.Files.Select(match => this / match.Path));
    }

    /// <summary>True when a file directly in this folder matches the pattern (<c>*.sln</c>); with
    /// <see cref="SearchOption.AllDirectories"/>, a file anywhere below it.</summary>
    public bool ContainsFile(string pattern, SearchOption options = SearchOption.TopDirectoryOnly) =>
        Directory.Exists(path) && Directory.EnumerateFiles(path, pattern, options).Any();

    /// <summary>True when a folder directly in this folder matches the pattern; with
    /// <see cref="SearchOption.AllDirectories"/>, a folder anywhere below it.</summary>
    public bool ContainsDirectory(string pattern, SearchOption options = SearchOption.TopDirectoryOnly) =>
        Directory.Exists(path) && Directory.EnumerateDirectories(path, pattern, options).Any();

    private static IEnumerable<string> Normalized(string[] patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        return patterns.Select(pattern => pattern.Replace('\\', '/'));
    }

    private static AbsolutePath[] Sorted(IEnumerable<AbsolutePath> paths) =>
        [.. paths.Distinct().OrderBy(found => found.path, StringComparer.Ordinal)];
}
