using Kiln.ProjectModel;
using Kiln.UnitTests.ProjectModel;

namespace Kiln.UnitTests.Injection;

/// <summary>
/// Components in NUKE's shape: an interface extending IKilnBuild declares an injected [Solution] and a [Parameter] with
/// TryGetValue, and a target of a build that inherits it reads both.
/// </summary>
[Collection("Build runs")]
public sealed class ComponentInjectionTests : IDisposable
{
    private readonly TemporaryRoot root = new();

    public void Dispose() => root.Dispose();

    [Fact]
    public async Task A_components_injected_solution_and_parameter_reach_a_target_of_the_build_that_inherits_it()
    {
        File.WriteAllText(Path.Combine(root.Path, "App.slnx"), SolutionFiles.Slnx);
        var build = new FeedBuild();

        var run = await root.RunAsync(build, ["Publish", "--feed-name", "nightly"]);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal("App with 2 projects to nightly", build.Published);
    }

    [Fact]
    public async Task A_components_parameter_without_a_value_is_null_so_that_the_component_can_name_a_default()
    {
        File.WriteAllText(Path.Combine(root.Path, "App.slnx"), SolutionFiles.Slnx);
        var build = new FeedBuild();

        var run = await root.RunAsync(build, ["Publish"]);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal("App with 2 projects to local", build.Published);
    }

    [Fact]
    public async Task A_components_parameter_is_listed_by_help_and_set_from_the_environment()
    {
        File.WriteAllText(Path.Combine(root.Path, "App.slnx"), SolutionFiles.Slnx);
        var environment = TemporaryRoot.LocalEnvironment();
        environment["FEED_NAME"] = "from-env";
        var build = new FeedBuild();

        var help = await root.RunAsync(new FeedBuild(), ["--help"]);
        var run = await root.RunAsync(build, ["Publish"], environment);

        Assert.Contains(help.Lines, line => line.Contains("--feed-name", StringComparison.Ordinal));
        Assert.Equal("App with 2 projects to from-env", build.Published);
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task A_component_value_of_the_wrong_type_stops_the_run_naming_the_member()
    {
        File.WriteAllText(Path.Combine(root.Path, "App.slnx"), SolutionFiles.Slnx);

        var run = await root.RunAsync(new WrongTypeBuild(), ["Show"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(run.Lines, line => line.Contains("[Solution] gives a Solution, but IHazWrongSolution.Solution is a String: declare it as Solution.", StringComparison.Ordinal));
    }

    [Fact]
    public void TryGetValue_refuses_an_expression_that_names_no_property()
    {
        IKilnBuild build = new FeedBuild();

        Assert.Throws<ArgumentException>(() => build.TryGetValue(() => "text"));
    }

    private interface IHazFeed : IKilnBuild
    {
        [Solution]
        Solution Solution => TryGetValue(() => Solution)!;

        [Parameter("The feed to publish to.")]
        string FeedName => TryGetValue(() => FeedName) ?? "local";

        string? Published { set; }

        Target Publish => _ => _
            .Executes(() => Published = $"{Solution.Name} with {Solution.AllProjects.Count} projects to {FeedName}");
    }

    private interface IHazWrongSolution : IKilnBuild
    {
        [Solution]
        string Solution => TryGetValue(() => Solution) ?? string.Empty;

        Target Show => _ => _.Executes(() => { });
    }

    private sealed class FeedBuild : KilnBuild, IHazFeed
    {
        public string? Published { get; set; }
    }

    private sealed class WrongTypeBuild : KilnBuild, IHazWrongSolution;
}
