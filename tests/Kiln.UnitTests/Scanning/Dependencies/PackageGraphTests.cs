using Kiln.Scanning.Dependencies;

namespace Kiln.UnitTests.Scanning.Dependencies;

public sealed class PackageGraphTests : IDisposable
{
    private readonly RestoredSolution solution = new();

    public PackageGraphTests()
    {
        solution
            .Package("Newtonsoft.Json", "12.0.1")
            .Package("Serilog", "3.1.1", """<license type="expression">Apache-2.0</license>""", "Newtonsoft.Json/12.0.1")
            .Project("App", ["Serilog"], references: ["Lib"])
            .Project("Lib", ["Newtonsoft.Json"]);
    }

    public void Dispose() => solution.Dispose();

    [Fact]
    public void Graph_tells_direct_packages_from_transitive_ones_per_framework()
    {
        var app = solution.Read().Projects.Single(project => project.Name == "App");

        var framework = Assert.Single(app.Frameworks);
        Assert.Equal("net10.0", framework.TargetFramework);
        Assert.Equal(
            ["Newtonsoft.Json 12.0.1 transitive", "Serilog 3.1.1 direct"],
            framework.Packages.Select(resolved => $"{resolved.Package} {(resolved.IsDirect ? "direct" : "transitive")}"));
    }

    [Fact]
    public void Graph_resolves_each_dependency_to_the_restored_version()
    {
        var serilog = solution.Read().Packages.Single(package => package.Id == "Serilog");

        Assert.Equal(["pkg:nuget/Newtonsoft.Json@12.0.1"], serilog.DependsOn);
    }

    [Fact]
    public void Graph_lists_each_package_once_across_projects()
    {
        var graph = solution.Read();

        Assert.Equal(["pkg:nuget/Newtonsoft.Json@12.0.1", "pkg:nuget/Serilog@3.1.1"], graph.Packages.Select(package => package.Purl));
        Assert.Same(
            graph.Projects.Single(project => project.Name == "App").Frameworks[0].Packages[0].Package,
            graph.Projects.Single(project => project.Name == "Lib").Frameworks[0].Packages[0].Package);
    }

    [Fact]
    public void Graph_keeps_the_sha512_and_the_package_folder()
    {
        var json = solution.Read().Packages.Single(package => package.Id == "Newtonsoft.Json");

        Assert.Equal(RestoredSolution.Sha512Of("Newtonsoft.Json", "12.0.1"), json.Sha512);
        Assert.Equal(Path.Combine(solution.PackagesFolder, "newtonsoft.json", "12.0.1"), json.Folder);
    }

    [Fact]
    public void Graph_reads_each_license_from_the_nuspec_in_the_packages_folder()
    {
        var serilog = solution.Read().Packages.Single(package => package.Id == "Serilog");

        Assert.Equal(new PackageLicense(PackageLicenseKind.Expression, "Apache-2.0"), serilog.License);
    }

    [Fact]
    public void Graph_marks_a_package_missing_from_the_packages_folder_as_not_found()
    {
        Directory.Delete(Path.Combine(solution.PackagesFolder, "serilog"), recursive: true);

        var serilog = solution.Read().Packages.Single(package => package.Id == "Serilog");

        Assert.Null(serilog.Folder);
        Assert.Equal(PackageLicenseKind.NotFound, serilog.License.Kind);
    }

    [Fact]
    public void Graph_keeps_project_files_relative_with_their_sources_and_references()
    {
        var app = solution.Read().Projects.Single(project => project.Name == "App");

        Assert.Equal("src/App/App.csproj", app.ProjectFile);
        Assert.Equal([RestoredSolution.Source], app.Sources);
        Assert.Equal(["src/Lib/Lib.csproj"], app.ProjectReferences);
    }

    [Fact]
    public void Graph_leaves_out_projects_the_solution_does_not_build()
    {
        solution.Project("_build", [], built: false);

        var graph = solution.Read();

        Assert.Equal(["src/App/App.csproj", "src/Lib/Lib.csproj"], graph.Projects.Select(project => project.ProjectFile));
    }

    [Fact]
    public void Graph_refuses_a_project_without_assets_file_and_says_to_restore()
    {
        File.Delete(Path.Combine(solution.Root, "src", "Lib", "obj", "project.assets.json"));

        var exception = Assert.Throws<KilnException>(solution.Read);

        Assert.Contains("src/Lib/Lib.csproj has no obj/project.assets.json", exception.Message, StringComparison.Ordinal);
        Assert.Contains("dotnet restore Solution.sln", exception.Message, StringComparison.Ordinal);
    }
}
