using Kiln.Tooling;

namespace Kiln.UnitTests.Tooling;

/// <summary>Which platform dotnet test runs a project on (global.json), and which of the platform's extensions it references.</summary>
public sealed class DotNetTestProjectTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("kiln-test-project-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void DotNetTestProject_runs_on_vstest_without_a_global_json_test_runner()
    {
        File.WriteAllText(Path.Combine(root, "global.json"), """{ "sdk": { "version": "10.0.100" } }""");

        Assert.Equal(TestPlatform.VSTest, DotNetTestProject.PlatformOf(root));
    }

    [Fact]
    public void DotNetTestProject_runs_on_the_testing_platform_when_the_nearest_global_json_says_so()
    {
        File.WriteAllText(Path.Combine(root, "global.json"), """
            {
              // comments are allowed, as dotnet allows them
              "sdk": { "version": "10.0.100" },
              "test": { "runner": "Microsoft.Testing.Platform" }
            }
            """);
        var below = Directory.CreateDirectory(Path.Combine(root, "tests", "A.Tests")).FullName;

        Assert.Equal(TestPlatform.MicrosoftTestingPlatform, DotNetTestProject.PlatformOf(below));
    }

    [Fact]
    public void DotNetTestProject_reads_the_packages_of_its_restore_with_those_referenced_through_others()
    {
        var project = WriteProject("<Project><ItemGroup><PackageReference Include=\"xunit.v3\" /></ItemGroup></Project>");
        Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(project)!, "obj"));
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(project)!, "obj", "project.assets.json"), """
            { "version": 3, "libraries": {
                "xunit.v3/4.0.3": { "type": "package" },
                "Microsoft.Testing.Extensions.TrxReport/2.5.3": { "type": "package" },
                "Microsoft.Testing.Extensions.CodeCoverage/18.1.0": { "type": "package" } } }
            """);

        var read = DotNetTestProject.Read(project, root);

        Assert.True(read.References(DotNetTestProject.TrxReportPackage));
        Assert.False(read.References(DotNetTestProject.HangDumpPackage));
        Assert.Equal(TestCoverageExtension.MicrosoftCodeCoverage, read.CoverageExtension);
    }

    [Fact]
    public void DotNetTestProject_reads_the_package_references_of_the_project_file_before_a_restore()
    {
        var project = WriteProject("""
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="Microsoft.Testing.Extensions.TrxReport" />
                <PackageReference Include="Microsoft.Testing.Extensions.HangDump" />
                <PackageReference Include="coverlet.MTP" />
              </ItemGroup>
            </Project>
            """);

        var read = DotNetTestProject.Read(project, root);

        Assert.Equal(TestPlatform.VSTest, read.Platform);
        Assert.True(read.References(DotNetTestProject.HangDumpPackage));
        Assert.Equal(TestCoverageExtension.Coverlet, read.CoverageExtension);
    }

    private string WriteProject(string content)
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, "tests", "A.Tests")).FullName;
        var project = Path.Combine(folder, "A.Tests.csproj");
        File.WriteAllText(project, content);
        return project;
    }
}
