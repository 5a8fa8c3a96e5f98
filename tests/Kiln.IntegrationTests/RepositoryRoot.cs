using System.Reflection;

namespace Kiln.IntegrationTests;

/// <summary>
/// The checkout these tests belong to: the nearest folder with .nuke/ and Solution.sln above the test
/// assembly, or above the test project's sources when the assembly was built into an artifacts folder elsewhere.
/// </summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    private static string Find()
    {
        var projectDirectory = typeof(RepositoryRoot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(attribute => attribute.Key == "ProjectDirectory")?.Value;
        string?[] starts = [AppContext.BaseDirectory, projectDirectory];
        foreach (var start in starts.OfType<string>())
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (Directory.Exists(System.IO.Path.Combine(folder.FullName, ".nuke"))
                    && File.Exists(System.IO.Path.Combine(folder.FullName, "Solution.sln")))
                {
                    return folder.FullName;
                }
            }
        }

        throw new InvalidOperationException(
            $"No folder with .nuke/ and Solution.sln above {AppContext.BaseDirectory} or {projectDirectory}: run the tests from a checkout of the repository.");
    }
}
