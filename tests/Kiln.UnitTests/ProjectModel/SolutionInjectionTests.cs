using Kiln.ProjectModel;

namespace Kiln.UnitTests.ProjectModel;

/// <summary>[Solution] members set by a whole run.</summary>
[Collection("Build runs")]
public sealed class SolutionInjectionTests : IDisposable
{
    private readonly TemporaryRoot root = new();

    public void Dispose() => root.Dispose();

    [Fact]
    public async Task Run_injects_the_one_solution_at_the_root()
    {
        File.WriteAllText(Path.Combine(root.Path, "App.slnx"), SolutionFiles.Slnx);
        var build = new SolutionBuild();

        var run = await root.RunAsync(build, ["Show"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["App", "App.Tests"], build.ProjectNames);
        Assert.Equal("App", build.NamedSolution?.Name);
    }

    [Fact]
    public async Task Run_injects_a_named_solution_into_a_field_and_a_get_only_property()
    {
        Directory.CreateDirectory(Path.Combine(root.Path, "src"));
        File.WriteAllText(Path.Combine(root.Path, "src", "Other.sln"), SolutionFiles.Sln);
        File.WriteAllText(Path.Combine(root.Path, "App.slnx"), SolutionFiles.Slnx);
        var build = new NamedSolutionBuild();

        var run = await root.RunAsync(build, ["Show"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Other", build.FieldSolution.Name);
        Assert.Equal("Other", build.PropertySolution?.Name);
    }

    [Fact]
    public async Task Run_with_two_solutions_at_the_root_stops_with_one_line_naming_them()
    {
        File.WriteAllText(Path.Combine(root.Path, "App.slnx"), SolutionFiles.Slnx);
        File.WriteAllText(Path.Combine(root.Path, "App.sln"), SolutionFiles.Sln);

        var run = await root.RunAsync(new SolutionBuild(), ["Show"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(run.Lines, line => line.Contains($"[Solution] found 2 solutions in {root.Path} (App.sln, App.slnx): name one, as [Solution(\"App.sln\")].", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_without_a_solution_still_prints_help()
    {
        var run = await root.RunAsync(new SolutionBuild(), ["--help"]);

        Assert.Equal(0, run.ExitCode);
    }

    private sealed class SolutionBuild : KilnBuild
    {
        [Solution]
        private readonly Solution? solution = null;

        public IReadOnlyList<string> ProjectNames { get; private set; } = [];

        public Solution? NamedSolution => solution;

        public Target Show => _ => _.Executes(() => ProjectNames = [.. solution!.AllProjects.Select(project => project.Name)]);
    }

    private sealed class NamedSolutionBuild : KilnBuild
    {
        [Solution("src/Other.sln")]
        public readonly Solution FieldSolution = null!;

        [Solution("src/Other.sln")]
        public Solution? PropertySolution { get; }

        public Target Show => _ => _.Executes(() => { });
    }
}
