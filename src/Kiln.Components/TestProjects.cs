using Microsoft.Extensions.FileSystemGlobbing;

namespace Kiln.Components;

/// <summary>The test projects a tier's name patterns select, in path order.</summary>
internal static class TestProjects
{
    public static IReadOnlyList<AbsolutePath> Find(AbsolutePath root, IEnumerable<string> patterns)
    {
        var matcher = GlobPatterns.Matcher(patterns);
        matcher.AddExclude("**/bin/**").AddExclude("**/obj/**").AddExclude("**/node_modules/**");
        return Directory.Exists(root)
            ? [.. matcher.GetResultsInFullPath(root).Order(StringComparer.Ordinal).Select(AbsolutePath.Create)]
            : [];
    }

    /// <summary>A project's name, which names its results: tests/Kiln.UnitTests/Kiln.UnitTests.csproj is Kiln.UnitTests.</summary>
    public static string NameOf(AbsolutePath project) => Path.GetFileNameWithoutExtension(project);
}
