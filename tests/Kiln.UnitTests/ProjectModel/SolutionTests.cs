using Kiln.ProjectModel;

namespace Kiln.UnitTests.ProjectModel;

public sealed class SolutionTests : IDisposable
{
    private readonly TemporaryDirectory temporary = new();

    private AbsolutePath Root => temporary.Path;

    public void Dispose() => temporary.Dispose();

    [Theory]
    [InlineData("App.sln", SolutionFiles.Sln)]
    [InlineData("App.slnx", SolutionFiles.Slnx)]
    public void Solution_reads_every_project_with_its_name_and_path(string fileName, string content)
    {
        var solution = Solution.Read(temporary.File(fileName, content));

        Assert.Equal(["App", "App.Tests"], solution.AllProjects.Select(project => project.Name));
        Assert.Equal([Root / "src/App/App.csproj", Root / "tests/App.Tests/App.Tests.csproj"], solution.AllProjects.Select(project => project.Path));
        Assert.Equal(Root / "tests/App.Tests", solution.AllProjects.Last().Directory);
    }

    [Theory]
    [InlineData("App.sln", SolutionFiles.Sln)]
    [InlineData("App.slnx", SolutionFiles.Slnx)]
    public void Solution_knows_its_path_name_folder_and_top_level_projects(string fileName, string content)
    {
        var solution = Solution.Read(temporary.File(fileName, content));

        Assert.Equal(Root / fileName, solution.Path);
        Assert.Equal(Root, solution.Directory);
        Assert.Equal("App", solution.Name);
        Assert.Equal("App", Assert.Single(solution.Projects).Name);
        Assert.Equal("/tests/", solution.GetProject("App.Tests")!.SolutionFolder);
        Assert.Equal((string)(Root / fileName), (string)solution);
    }

    [Fact]
    public void GetProject_finds_a_project_by_name_or_by_path_and_returns_null_otherwise()
    {
        var solution = Solution.Read(temporary.File("App.slnx", SolutionFiles.Slnx));

        Assert.Equal(Root / "src/App/App.csproj", solution.GetProject("App")!.Path);
        Assert.Equal("App.Tests", solution.GetProject("tests/App.Tests/App.Tests.csproj")!.Name);
        Assert.Equal("App.Tests", solution.GetProject(@"tests\App.Tests\App.Tests.csproj")!.Name);
        Assert.Null(solution.GetProject("app"));
        Assert.Same(solution, solution.GetProject("App")!.Solution);
    }

    [Fact]
    public void Solution_read_of_a_missing_file_names_it()
    {
        var exception = Assert.Throws<KilnException>(() => Solution.Read(Root / "Missing.sln"));

        Assert.Equal($"Cannot read the solution {Root / "Missing.sln"}: there is no such file.", exception.Message);
    }

    [Fact]
    public void Solution_read_of_a_broken_file_is_a_KilnException_naming_the_file()
    {
        var broken = temporary.File("Broken.slnx", "<Solution><Project");

        var exception = Assert.Throws<KilnException>(() => Solution.Read(broken));

        Assert.StartsWith($"Cannot read the solution {broken}: ", exception.Message, StringComparison.Ordinal);
    }
}
