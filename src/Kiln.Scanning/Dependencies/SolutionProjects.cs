using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Kiln.Scanning.Dependencies;

/// <summary>
/// The project files a solution builds (and so restores): <c>.sln</c> Project lines that have a <c>Build.0</c> entry in
/// some configuration, or <c>.slnx</c> Project elements without <c>&lt;Build Project="false" /&gt;</c>. A project the
/// solution lists but never builds (NUKE's _build, say) has no assets file after <c>dotnet restore</c> of the solution.
/// </summary>
internal static partial class SolutionProjects
{
    private static readonly string[] ProjectExtensions = [".csproj", ".fsproj", ".vbproj"];

    /// <summary>The full paths of the project files the solution builds, sorted.</summary>
    /// <exception cref="KilnException">The solution does not exist or cannot be read.</exception>
    public static IReadOnlyList<string> Read(string solutionFile)
    {
        if (!File.Exists(solutionFile))
        {
            throw new KilnException($"The solution {solutionFile} does not exist: pass the path of a .sln or .slnx file.");
        }

        var folder = Path.GetDirectoryName(solutionFile)!;
        var paths = solutionFile.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase) ? ReadSlnx(solutionFile) : ReadSln(solutionFile);
        return paths
            .Where(path => ProjectExtensions.Any(extension => path.EndsWith(extension, StringComparison.OrdinalIgnoreCase)))
            .Select(path => Path.GetFullPath(Path.Combine(folder, path.Replace('\\', Path.DirectorySeparatorChar))))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static List<string> ReadSln(string solutionFile)
    {
        var text = File.ReadAllText(solutionFile);
        var built = BuildLine().Matches(text).Select(match => match.Groups["guid"].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return ProjectLine().Matches(text)
            .Where(match => built.Count == 0 || built.Contains(match.Groups["guid"].Value))
            .Select(match => match.Groups["path"].Value)
            .ToList();
    }

    private static List<string> ReadSlnx(string solutionFile)
    {
        try
        {
            return XDocument.Load(solutionFile).Descendants("Project")
                .Where(project => !project.Elements("Build").Any(build => string.Equals((string?)build.Attribute("Project"), "false", StringComparison.OrdinalIgnoreCase)))
                .Select(project => (string?)project.Attribute("Path"))
                .OfType<string>()
                .ToList();
        }
        catch (XmlException exception)
        {
            throw new KilnException($"{solutionFile} is not a valid .slnx file: {exception.Message}", exception);
        }
    }

    [GeneratedRegex(@"^Project\(""\{[^}]*\}""\)\s*=\s*""[^""]*""\s*,\s*""(?<path>[^""]+)""\s*,\s*""\{(?<guid>[^}]+)\}""", RegexOptions.Multiline)]
    private static partial Regex ProjectLine();

    [GeneratedRegex(@"^\s*\{(?<guid>[0-9A-Fa-f-]+)\}\.[^=\r\n]*\.Build\.0\s*=", RegexOptions.Multiline)]
    private static partial Regex BuildLine();
}
