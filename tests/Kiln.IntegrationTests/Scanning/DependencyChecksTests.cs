using System.Text.Json;
using Kiln.Execution;
using Kiln.Hosts;
using Kiln.Scanning.Dependencies;

namespace Kiln.IntegrationTests.Scanning;

/// <summary>The dependency checks on this repository's own restored solution, against the package registry its restore used.</summary>
public sealed class DependencyChecksTests : IDisposable
{
    private readonly StringWriter output = new();

    public DependencyChecksTests()
    {
        BuildContext.Current = new BuildContext(new ConsoleHost(output, new SecretMasker(), useColors: false), CancellationToken.None);
    }

    private static string SolutionFile => Path.Combine(RepositoryRoot.Path, "Solution.sln");

    public void Dispose() => output.Dispose();

    [Fact]
    public void The_repository_s_graph_holds_the_projects_the_solution_builds_with_direct_and_transitive_packages()
    {
        var graph = PackageGraph.Read(SolutionFile);

        Assert.Contains("src/Kiln/Kiln.csproj", graph.Projects.Select(project => project.ProjectFile));
        Assert.DoesNotContain("build/_build.csproj", graph.Projects.Select(project => project.ProjectFile));
        var kiln = graph.Projects.Single(project => project.ProjectFile == "src/Kiln/Kiln.csproj").DistinctPackages;
        Assert.True(kiln.Single(resolved => resolved.Package.Id == "YamlDotNet").IsDirect);
        Assert.True(kiln.Single(resolved => resolved.Package.Id == "NuGet.ProjectModel").IsDirect);
        Assert.False(kiln.Single(resolved => resolved.Package.Id == "NuGet.Frameworks").IsDirect);
        Assert.All(graph.Packages, package => Assert.NotNull(package.Folder));
    }

    [Fact]
    public async Task Vulnerabilities_are_not_checked_when_the_registry_serves_no_vulnerability_data()
    {
        var graph = PackageGraph.Read(SolutionFile);
        var sources = graph.Projects.SelectMany(project => project.Sources).Distinct().ToList();
        var servesVulnerabilityData = await AnyServesVulnerabilityInfoAsync(sources);

        var result = await new VulnerabilityCheck().RunAsync(graph);

        if (servesVulnerabilityData)
        {
            // A registry with vulnerability data (nuget.org itself): dotnet list was believed.
            Assert.Equal(VulnerabilityCoverage.Sources, result.Coverage);
        }
        else
        {
            // The registry these machines reach: dotnet list would say "no vulnerable packages"; Kiln says "not checked".
            Assert.Equal(VulnerabilityCoverage.None, result.Coverage);
            Assert.Empty(result.Findings);
            Assert.Contains("no VulnerabilityInfo resource", result.NotCheckedReason, StringComparison.Ordinal);
            Assert.StartsWith("not checked: ", result.Summary, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_advisory_file_checks_the_repository_offline()
    {
        var folder = Directory.CreateTempSubdirectory("kiln-advisories-").FullName;
        try
        {
            // An advisory that affects every version of YamlDotNet, which src/Kiln references directly.
            var file = Path.Combine(folder, "GHSA-test-yaml-0001.json");
            await File.WriteAllTextAsync(file, """
                {
                  "id": "GHSA-test-yaml-0001",
                  "summary": "A test advisory",
                  "affected": [{ "package": { "ecosystem": "NuGet", "name": "YamlDotNet" }, "ranges": [{ "type": "ECOSYSTEM", "events": [{ "introduced": "0" }] }] }],
                  "database_specific": { "severity": "LOW" }
                }
                """);

            var result = await new VulnerabilityCheck { AdvisoryPaths = [folder] }.RunAsync(PackageGraph.Read(SolutionFile));

            Assert.True(result.Coverage.HasFlag(VulnerabilityCoverage.AdvisoryFiles));
            var finding = result.Findings.Single(finding => finding.RuleId == "GHSA-test-yaml-0001" && finding.File == "src/Kiln/Kiln.csproj");
            Assert.StartsWith("YamlDotNet 16.3.0 (direct) used by src/Kiln/Kiln.csproj has a low severity vulnerability GHSA-test-yaml-0001: A test advisory.", finding.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void With_the_default_allow_list_only_xunit_abstractions_needs_a_license_exception()
    {
        var graph = PackageGraph.Read(SolutionFile);

        var findings = LicenseCheck.Run(graph);

        var finding = Assert.Single(findings);
        Assert.Equal(LicenseCheck.UnknownRule, finding.RuleId);
        Assert.StartsWith("xunit.abstractions 2.0.3 ", finding.Message, StringComparison.Ordinal);
        Assert.Contains("licenseUrl https://raw.githubusercontent.com/xunit/xunit/master/license.txt", finding.Message, StringComparison.Ordinal);
        var policy = new LicensePolicy { Exceptions = new Dictionary<string, string> { ["xunit.abstractions"] = "Apache-2.0 (the license text at its licenseUrl); test-only." } };
        Assert.Empty(LicenseCheck.Run(graph, policy));
    }

    [Fact]
    public void The_repository_s_sbom_lists_every_package_and_hangs_it_from_a_project()
    {
        var graph = PackageGraph.Read(SolutionFile);

        using var bom = JsonDocument.Parse(CycloneDxBom.Create(graph, DateTimeOffset.UnixEpoch));

        var components = bom.RootElement.GetProperty("components").EnumerateArray().Select(component => component.GetProperty("purl").GetString()).ToList();
        Assert.Equal(graph.Packages.Select(package => package.Purl), components);
        var dependencies = bom.RootElement.GetProperty("dependencies").EnumerateArray()
            .ToDictionary(dependency => dependency.GetProperty("ref").GetString()!, dependency => dependency.GetProperty("dependsOn").EnumerateArray().Select(item => item.GetString()!).ToList());
        Assert.Contains("pkg:nuget/YamlDotNet@16.3.0", dependencies["src/Kiln/Kiln.csproj"]);
        var reached = Reach(dependencies, "Solution.sln");
        Assert.All(components, purl => Assert.Contains(purl!, reached));
    }

    [Fact]
    public async Task The_repository_s_sbom_validates_against_the_CycloneDX_1_5_schema()
    {
        var file = Path.Combine(Path.GetTempPath(), "kiln-sbom-" + Guid.NewGuid().ToString("N") + ".cdx.json");
        try
        {
            await CycloneDxBom.WriteAsync(PackageGraph.Read(SolutionFile), file, DateTimeOffset.UnixEpoch, "Kiln");

            var result = await JsonSchemaValidator.ValidateAsync("cyclonedx-1.5", file);

            Assert.True(result.ExitCode == 0, result.Output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_CycloneDX_validator_rejects_a_bom_that_breaks_the_schema()
    {
        var file = Path.Combine(Path.GetTempPath(), "kiln-sbom-" + Guid.NewGuid().ToString("N") + ".cdx.json");
        try
        {
            await File.WriteAllTextAsync(file, """{ "bomFormat": "CycloneDX", "specVersion": "1.5", "components": [{ "type": "library" }] }""");

            var result = await JsonSchemaValidator.ValidateAsync("cyclonedx-1.5", file);

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("/components/0: must have required property 'name'", result.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static HashSet<string> Reach(Dictionary<string, List<string>> dependencies, string root)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([root]);
        while (pending.TryPop(out var reference))
        {
            if (reached.Add(reference))
            {
                foreach (var next in dependencies.GetValueOrDefault(reference) ?? [])
                {
                    pending.Push(next);
                }
            }
        }

        return reached;
    }

    private static async Task<bool> AnyServesVulnerabilityInfoAsync(IEnumerable<string> sources)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        foreach (var source in sources.Where(source => source.StartsWith("http", StringComparison.OrdinalIgnoreCase)))
        {
            try
            {
                var index = await http.GetStringAsync(new Uri(source));
                if (index.Contains("\"VulnerabilityInfo", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Unreachable: serves nothing here.
            }
        }

        return false;
    }
}
