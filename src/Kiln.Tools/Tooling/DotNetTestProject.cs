using System.Text.Json;

namespace Kiln.Tooling;

/// <summary>
/// What a test project runs on: the platform <c>dotnet test</c> uses for it, read from the global.json that applies to
/// it, and the packages it references, read from its restore (obj/project.assets.json, with what it references through
/// other packages), or from the project file before a restore.
/// </summary>
public sealed class DotNetTestProject
{
    /// <summary>The TRX report extension of Microsoft.Testing.Platform.</summary>
    public const string TrxReportPackage = "Microsoft.Testing.Extensions.TrxReport";

    /// <summary>The hang dump extension of Microsoft.Testing.Platform.</summary>
    public const string HangDumpPackage = "Microsoft.Testing.Extensions.HangDump";

    /// <summary>Microsoft's code-coverage extension of Microsoft.Testing.Platform.</summary>
    public const string CodeCoveragePackage = "Microsoft.Testing.Extensions.CodeCoverage";

    /// <summary>Coverlet's extension of Microsoft.Testing.Platform.</summary>
    public const string CoverletPackage = "coverlet.MTP";

    private readonly HashSet<string> packages;

    private DotNetTestProject(string path, TestPlatform platform, HashSet<string> packages)
    {
        Path = path;
        Platform = platform;
        this.packages = packages;
    }

    /// <summary>The project file.</summary>
    public string Path { get; }

    /// <summary>The platform <c>dotnet test</c> runs the project's tests on.</summary>
    public TestPlatform Platform { get; }

    /// <summary>The Microsoft.Testing.Platform extension that collects its coverage, Coverlet's before Microsoft's.</summary>
    public TestCoverageExtension CoverageExtension =>
        References(CoverletPackage) ? TestCoverageExtension.Coverlet
        : References(CodeCoveragePackage) ? TestCoverageExtension.MicrosoftCodeCoverage
        : TestCoverageExtension.None;

    /// <summary>Reads the test project at the path; dotnet runs from the working directory, whose global.json applies.</summary>
    /// <param name="projectFile">The test project file.</param>
    /// <param name="workingDirectory">Where <c>dotnet test</c> runs: global.json is looked for from there upwards.</param>
    public static DotNetTestProject Read(string projectFile, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(projectFile);
        ArgumentNullException.ThrowIfNull(workingDirectory);
        return new DotNetTestProject(projectFile, PlatformOf(workingDirectory), PackagesOf(projectFile));
    }

    /// <summary>Whether the project references the package, directly or through another package.</summary>
    public bool References(string packageId) => packages.Contains(packageId);

    /// <summary>The runner the nearest global.json names from the directory upwards; VSTest without one.</summary>
    public static TestPlatform PlatformOf(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        for (var folder = new DirectoryInfo(directory); folder is not null; folder = folder.Parent)
        {
            var file = System.IO.Path.Combine(folder.FullName, "global.json");
            if (!File.Exists(file))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
                return document.RootElement.ValueKind == JsonValueKind.Object
                    && document.RootElement.TryGetProperty("test", out var test) && test.ValueKind == JsonValueKind.Object
                    && test.TryGetProperty("runner", out var runner) && runner.ValueKind == JsonValueKind.String
                    && string.Equals(runner.GetString(), "Microsoft.Testing.Platform", StringComparison.OrdinalIgnoreCase)
                        ? TestPlatform.MicrosoftTestingPlatform
                        : TestPlatform.VSTest;
            }
            catch (JsonException exception)
            {
                throw new KilnException($"{file} is not valid JSON ({exception.Message}): fix it, dotnet reads it too.", exception);
            }
        }

        return TestPlatform.VSTest;
    }

    private static HashSet<string> PackagesOf(string projectFile)
    {
        var packages = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var assets = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(projectFile) ?? ".", "obj", "project.assets.json");
        if (File.Exists(assets))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(assets));
            if (document.RootElement.TryGetProperty("libraries", out var libraries) && libraries.ValueKind == JsonValueKind.Object)
            {
                foreach (var library in libraries.EnumerateObject())
                {
                    packages.Add(library.Name.Split('/')[0]);
                }
            }
        }
        else if (File.Exists(projectFile))
        {
            var project = System.Xml.Linq.XDocument.Load(projectFile);
            foreach (var reference in project.Descendants().Where(element => element.Name.LocalName == "PackageReference"))
            {
                if (reference.Attribute("Include")?.Value is { Length: > 0 } id)
                {
                    packages.Add(id);
                }
            }
        }

        return packages;
    }
}
