using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Kiln.Scanning.Dependencies;

/// <summary>The project files a solution lists: <c>.sln</c> (Project lines) or <c>.slnx</c> (Project elements); folders are left out.</summary>
internal static partial class SolutionProjects
{
    private static readonly string[] ProjectExtensions = [".csproj", ".fsproj", ".vbproj"];

    /// <summary>The full paths of the solution's project files, sorted.</summary>
    /// <exception cref="KilnException">The solution does not exist or cannot be read.</exception>
    public static IReadOnlyList<string> Read(string solutionFile)
    {
        if (!File.Exists(solutionFile))
        {
            throw new KilnException($"The solution {solutionFile} does not exist: pass the path of a .sln or .slnx file.");
        }

        var folder = Path.GetDirectoryName(solutionFile)!;
        IEnumerable<string> paths;
        if (solutionFile.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                paths = XDocument.Load(solutionFile).Descendants("Project")
                    .Select(project => (string?)project.Attribute("Path"))
                    .OfType<string>();
            }
            catch (XmlException exception)
            {
                throw new KilnException($"{solutionFile} is not a valid .slnx file: {exception.Message}", exception);
            }
        }
        else
        {
            paths = ProjectLine().Matches(File.ReadAllText(solutionFile)).Select(match => match.Groups["path"].Value);
        }

        return paths
            .Where(path => ProjectExtensions.Any(extension => path.EndsWith(extension, StringComparison.OrdinalIgnoreCase)))
            .Select(path => Path.GetFullPath(Path.Combine(folder, path.Replace('\\', Path.DirectorySeparatorChar))))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    [GeneratedRegex(@"^Project\(""\{[^}]*\}""\)\s*=\s*""[^""]*""\s*,\s*""(?<path>[^""]+)""", RegexOptions.Multiline)]
    private static partial Regex ProjectLine();
}
