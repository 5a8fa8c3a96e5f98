using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Kiln.Scanning.Dependencies;

namespace Kiln.UnitTests.Scanning.Dependencies;

/// <summary>
/// A restored solution in a temporary folder, as dotnet restore leaves one: Solution.sln, each project's
/// obj/project.assets.json, and a fake global packages folder with each package's nuspec. Deleted on dispose.
/// </summary>
internal sealed class RestoredSolution : IDisposable
{
    public const string Source = "https://packages.example.test/v3/index.json";

    private readonly Dictionary<string, (string Version, IReadOnlyDictionary<string, string> Dependencies)> packages = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(string Name, string Guid, bool Built)> projects = [];

    public RestoredSolution()
    {
        Root = Path.Combine(Path.GetTempPath(), "kiln-deps-" + Guid.NewGuid().ToString("N"));
        PackagesFolder = Path.Combine(Root, "packages");
        Directory.CreateDirectory(PackagesFolder);
    }

    public string Root { get; }

    public string PackagesFolder { get; }

    public string SolutionFile => Path.Combine(Root, "Solution.sln");

    /// <summary>The sha512 the assets file holds for a package: base64 of SHA-512 of "id/version".</summary>
    public static string Sha512Of(string id, string version) =>
        Convert.ToBase64String(SHA512.HashData(Encoding.UTF8.GetBytes($"{id}/{version}")));

    /// <summary>Puts the package in the packages folder with a nuspec holding <paramref name="licenseXml"/> (license and licenseUrl elements).</summary>
    public RestoredSolution Package(string id, string version, string licenseXml = """<license type="expression">MIT</license>""", params string[] dependencies)
    {
        var folder = Path.Combine(PackagesFolder, id.ToLowerInvariant(), version);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, id.ToLowerInvariant() + ".nuspec"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
              <metadata>
                <id>{id}</id>
                <version>{version}</version>
                <authors>Someone</authors>
                {licenseXml}
                <description>A package.</description>
              </metadata>
            </package>
            """);
        packages[id] = (version, dependencies.Select(dependency => dependency.Split('/')).ToDictionary(parts => parts[0], parts => parts[1]));
        return this;
    }

    /// <summary>
    /// Writes a project and its assets file: <paramref name="direct"/> are its PackageReferences; the packages they
    /// depend on (from <see cref="Package"/>) come transitively; <paramref name="references"/> name other projects.
    /// </summary>
    public RestoredSolution Project(string name, string[] direct, string[]? references = null, string[]? sources = null, string framework = "net10.0", bool built = true)
    {
        var folder = Path.Combine(Root, "src", name);
        Directory.CreateDirectory(Path.Combine(folder, "obj"));
        var projectPath = Path.Combine(folder, name + ".csproj");
        File.WriteAllText(projectPath, "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        projects.Add((name, Guid.NewGuid().ToString("D").ToUpperInvariant(), built));
        if (!built)
        {
            WriteSolution();
            return this;
        }

        var resolved = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<string>(direct);
        while (pending.TryPop(out var id))
        {
            if (resolved.Add(id))
            {
                foreach (var dependency in packages[id].Dependencies.Keys)
                {
                    pending.Push(dependency);
                }
            }
        }

        var target = new JsonObject();
        var libraries = new JsonObject();
        foreach (var id in resolved)
        {
            var (version, dependencies) = packages[id];
            var library = new JsonObject { ["type"] = "package" };
            if (dependencies.Count > 0)
            {
                library["dependencies"] = new JsonObject(dependencies.Select(pair => KeyValuePair.Create(pair.Key, (JsonNode?)JsonValue.Create(pair.Value))));
            }

            target[$"{id}/{version}"] = library;
            libraries[$"{id}/{version}"] = new JsonObject
            {
                ["sha512"] = Sha512Of(id, version),
                ["type"] = "package",
                ["path"] = $"{id.ToLowerInvariant()}/{version}",
                ["files"] = new JsonArray(),
            };
        }

        var projectReferences = new JsonObject();
        foreach (var reference in references ?? [])
        {
            var referencePath = Path.Combine(Root, "src", reference, reference + ".csproj");
            target[$"{reference}/1.0.0"] = new JsonObject { ["type"] = "project", ["framework"] = ".NETCoreApp,Version=v10.0" };
            libraries[$"{reference}/1.0.0"] = new JsonObject { ["type"] = "project", ["path"] = $"../{reference}/{reference}.csproj", ["msbuildProject"] = $"../{reference}/{reference}.csproj" };
            projectReferences[referencePath] = new JsonObject { ["projectPath"] = referencePath };
        }

        var assets = new JsonObject
        {
            ["version"] = 3,
            ["targets"] = new JsonObject { [framework] = target },
            ["libraries"] = libraries,
            ["projectFileDependencyGroups"] = new JsonObject { [framework] = new JsonArray(direct.Select(id => (JsonNode?)JsonValue.Create($"{id} >= {packages[id].Version}")).ToArray()) },
            ["packageFolders"] = new JsonObject { [PackagesFolder + "/"] = new JsonObject() },
            ["project"] = new JsonObject
            {
                ["version"] = "1.0.0",
                ["restore"] = new JsonObject
                {
                    ["projectUniqueName"] = projectPath,
                    ["projectName"] = name,
                    ["projectPath"] = projectPath,
                    ["packagesPath"] = PackagesFolder + "/",
                    ["outputPath"] = Path.Combine(folder, "obj") + "/",
                    ["projectStyle"] = "PackageReference",
                    ["sources"] = new JsonObject((sources ?? [Source]).Select(source => KeyValuePair.Create(source, (JsonNode?)new JsonObject()))),
                    ["frameworks"] = new JsonObject { [framework] = new JsonObject { ["targetAlias"] = framework, ["projectReferences"] = projectReferences } },
                },
                ["frameworks"] = new JsonObject
                {
                    [framework] = new JsonObject
                    {
                        ["targetAlias"] = framework,
                        ["dependencies"] = new JsonObject(direct.Select(id => KeyValuePair.Create(id, (JsonNode?)new JsonObject
                        {
                            ["target"] = "Package",
                            ["version"] = $"[{packages[id].Version}, )",
                        }))),
                    },
                },
            },
        };
        File.WriteAllText(Path.Combine(folder, "obj", "project.assets.json"), assets.ToJsonString());
        WriteSolution();
        return this;
    }

    public PackageGraph Read() => PackageGraph.Read(SolutionFile);

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    private void WriteSolution()
    {
        var text = new StringBuilder("Microsoft Visual Studio Solution File, Format Version 12.00\n");
        foreach (var (name, guid, _) in projects)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"Project(\"{{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}}\") = \"{name}\", \"src\\{name}\\{name}.csproj\", \"{{{guid}}}\"\nEndProject\n");
        }

        text.Append("Global\n\tGlobalSection(ProjectConfigurationPlatforms) = postSolution\n");
        foreach (var (_, guid, built) in projects)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"\t\t{{{guid}}}.Debug|Any CPU.ActiveCfg = Debug|Any CPU\n");
            if (built)
            {
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"\t\t{{{guid}}}.Debug|Any CPU.Build.0 = Debug|Any CPU\n");
            }
        }

        text.Append("\tEndGlobalSection\nEndGlobal\n");
        File.WriteAllText(SolutionFile, text.ToString());
    }
}
