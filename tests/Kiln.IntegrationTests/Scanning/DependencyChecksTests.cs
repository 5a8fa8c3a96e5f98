using System.IO.Compression;
using System.Text.Json;
using Kiln.Execution;
using Kiln.Hosts;
using Kiln.Scanning.Dependencies;
using Kiln.Tooling;

namespace Kiln.IntegrationTests.Scanning;

/// <summary>
/// The dependency checks on this repository's own restored solution, and the vulnerability check on a sample solution
/// restored against a NuGet source on 127.0.0.1 that serves vulnerability data (or not), whatever registry this machine reaches.
/// </summary>
public sealed class DependencyChecksTests : IDisposable
{
    private readonly StringWriter output = new();

    public DependencyChecksTests()
    {
        BuildContext.Current = new BuildContext(new ConsoleHost(output, new SecretMasker(), useColors: false), CancellationToken.None);
    }

    private const string SamplePackage = "Kiln.VulnerableSample";

    private static string SolutionFile => Path.Combine(RepositoryRoot.Path, "Solution.sln");

    public void Dispose() => output.Dispose();

    [Fact]
    public void The_repository_s_graph_holds_the_projects_the_solution_builds_with_direct_and_transitive_packages()
    {
        var graph = PackageGraph.Read(SolutionFile);

        Assert.Contains("src/Kiln/Kiln.csproj", graph.Projects.Select(project => project.ProjectFile));
        Assert.DoesNotContain("build/_build.csproj", graph.Projects.Select(project => project.ProjectFile));
        var kiln = graph.Projects.Single(project => project.ProjectFile == "src/Kiln/Kiln.csproj").DistinctPackages;
        Assert.DoesNotContain(kiln, resolved => resolved.Package.Id.StartsWith("NuGet.", StringComparison.Ordinal) || resolved.Package.Id == "YamlDotNet");
        var gitHubActions = graph.Projects.Single(project => project.ProjectFile == "src/Kiln.GitHubActions/Kiln.GitHubActions.csproj").DistinctPackages;
        Assert.True(gitHubActions.Single(resolved => resolved.Package.Id == "YamlDotNet").IsDirect);
        var scanning = graph.Projects.Single(project => project.ProjectFile == "src/Kiln.Scanning/Kiln.Scanning.csproj").DistinctPackages;
        Assert.True(scanning.Single(resolved => resolved.Package.Id == "NuGet.ProjectModel").IsDirect);
        Assert.False(scanning.Single(resolved => resolved.Package.Id == "NuGet.Frameworks").IsDirect);
        Assert.All(graph.Packages, package => Assert.NotNull(package.Folder));
    }

    [Fact]
    public async Task A_source_with_vulnerability_data_is_checked_by_dotnet_list_and_its_advisory_is_a_finding()
    {
        using var feed = new LocalVulnerabilityFeed
        {
            Vulnerabilities = [new KnownVulnerability(SamplePackage, "[1.0.0, 2.0.0)", VulnerabilitySeverity.High, new Uri("https://github.com/advisories/GHSA-kiln-test-0001"))],
            Versions = new Dictionary<string, string[]> { [SamplePackage] = ["1.0.0", "2.0.0"] },
        };
        using var sample = await SampleSolution.RestoreAsync(feed.ServiceIndex);

        var result = await new VulnerabilityCheck().RunAsync(PackageGraph.Read(sample.SolutionFile));

        Assert.Equal(VulnerabilityCoverage.Sources, result.Coverage);
        Assert.Equal([feed.ServiceIndex], result.CheckedSources);
        Assert.Contains($"GET /registration/{SamplePackage.ToLowerInvariant()}/index.json", feed.Requests);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(("GHSA-kiln-test-0001", "Sample/Sample.csproj"), (finding.RuleId, finding.File));
        Assert.StartsWith($"{SamplePackage} 1.0.0 (direct) used by Sample/Sample.csproj has a high severity vulnerability GHSA-kiln-test-0001.", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_source_without_vulnerability_data_leaves_the_packages_not_checked_rather_than_clean()
    {
        using var feed = new LocalVulnerabilityFeed
        {
            ServesVulnerabilityInfo = false,
            Vulnerabilities = [new KnownVulnerability(SamplePackage, "[1.0.0, 2.0.0)", VulnerabilitySeverity.High, new Uri("https://github.com/advisories/GHSA-kiln-test-0001"))],
            Versions = new Dictionary<string, string[]> { [SamplePackage] = ["1.0.0"] },
        };
        using var sample = await SampleSolution.RestoreAsync(feed.ServiceIndex);

        var result = await new VulnerabilityCheck().RunAsync(PackageGraph.Read(sample.SolutionFile));

        // dotnet list would say "no vulnerable packages" here; Kiln says "not checked".
        Assert.Equal(VulnerabilityCoverage.None, result.Coverage);
        Assert.Empty(result.Findings);
        Assert.Contains($"{feed.ServiceIndex} serves no vulnerability data (its service index has no VulnerabilityInfo resource)", result.NotCheckedReason, StringComparison.Ordinal);
        Assert.StartsWith("not checked: ", result.Summary, StringComparison.Ordinal);
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
            var finding = result.Findings.Single(finding => finding.RuleId == "GHSA-test-yaml-0001" && finding.File == "src/Kiln.GitHubActions/Kiln.GitHubActions.csproj");
            Assert.StartsWith("YamlDotNet 16.3.0 (direct) used by src/Kiln.GitHubActions/Kiln.GitHubActions.csproj has a low severity vulnerability GHSA-test-yaml-0001: A test advisory.", finding.Message, StringComparison.Ordinal);
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
        Assert.Contains("pkg:nuget/YamlDotNet@16.3.0", dependencies["src/Kiln.GitHubActions/Kiln.GitHubActions.csproj"]);
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

    /// <summary>
    /// A solution of one project referencing <see cref="SamplePackage"/> 1.0.0, restored in a temporary folder (outside
    /// the repository, so none of its props apply) from a folder holding the package and the HTTP source given, which
    /// the restore records as a source of the project, as a registry is. The folder is deleted on dispose.
    /// </summary>
    private sealed class SampleSolution : IDisposable
    {
        private SampleSolution(string root) => Root = root;

        public string Root { get; }

        public string SolutionFile => Path.Combine(Root, "Sample.slnx");

        public static async Task<SampleSolution> RestoreAsync(string source)
        {
            var sample = new SampleSolution(Directory.CreateTempSubdirectory("kiln-vulnerable-sample-").FullName);
            try
            {
                var packages = Path.Combine(sample.Root, "feed");
                Directory.CreateDirectory(packages);
                WritePackage(Path.Combine(packages, $"{SamplePackage}.1.0.0.nupkg"));
                Directory.CreateDirectory(Path.Combine(sample.Root, "Sample"));
                await File.WriteAllTextAsync(Path.Combine(sample.Root, "Sample", "Sample.csproj"), $"""
                    <Project Sdk="Microsoft.NET.Sdk">
                      <PropertyGroup>
                        <TargetFramework>net10.0</TargetFramework>
                        <NuGetAudit>false</NuGetAudit>
                      </PropertyGroup>
                      <ItemGroup>
                        <PackageReference Include="{SamplePackage}" Version="1.0.0" />
                      </ItemGroup>
                    </Project>
                    """);
                await File.WriteAllTextAsync(sample.SolutionFile, """<Solution><Project Path="Sample/Sample.csproj" /></Solution>""");
                await File.WriteAllTextAsync(Path.Combine(sample.Root, "nuget.config"), $"""
                    <?xml version="1.0" encoding="utf-8"?>
                    <configuration>
                      <config><add key="globalPackagesFolder" value="packages" /></config>
                      <packageSources>
                        <clear />
                        <add key="sample" value="feed" />
                        <add key="local" value="{source}" allowInsecureConnections="true" />
                      </packageSources>
                    </configuration>
                    """);
                await ProcessRunner.RunAsync(new ToolCommand("dotnet", ["restore", sample.SolutionFile]) { WorkingDirectory = sample.Root, EchoOutput = false });
                return sample;
            }
            catch
            {
                sample.Dispose();
                throw;
            }
        }

        public void Dispose() => Directory.Delete(Root, recursive: true);

        /// <summary>A package of nothing but its manifest, which is all a restore needs.</summary>
        private static void WritePackage(string file)
        {
            using var package = ZipFile.Open(file, ZipArchiveMode.Create);
            using var manifest = new StreamWriter(package.CreateEntry($"{SamplePackage}.nuspec").Open());
            manifest.Write($"""
                <?xml version="1.0" encoding="utf-8"?>
                <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
                  <metadata>
                    <id>{SamplePackage}</id>
                    <version>1.0.0</version>
                    <authors>Kiln</authors>
                    <description>A package a local feed calls vulnerable.</description>
                  </metadata>
                </package>
                """);
        }
    }
}
