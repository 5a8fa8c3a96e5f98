using Kiln.Tooling;

namespace Kiln.UnitTests.Tooling;

/// <summary>CombineWith and how the combinatorial task overloads run each combination (with a stand-in for the tool).</summary>
public class CombineWithTests
{
    [Fact]
    public void CombineWith_makes_one_settings_object_per_value_from_the_shared_base()
    {
        var combinations = new DotNetTestSettings().EnableNoBuild()
            .CombineWith(["tests/A.Tests", "tests/B.Tests"], (settings, project) => settings.SetProjectFile(project))
            .ToList();

        Assert.Equal(
            [["test", "tests/A.Tests", "--no-build", "--nologo"], ["test", "tests/B.Tests", "--no-build", "--nologo"]],
            combinations.Select(settings => settings.ToCommand().Arguments));
    }

    [Fact]
    public void CombineWith_on_combinations_makes_their_product()
    {
        var combinations = new DotNetPublishSettings()
            .CombineWith(["net8.0", "net10.0"], (settings, framework) => settings.SetFramework(framework))
            .CombineWith(["linux-x64", "win-x64"], (settings, runtime) => settings.SetRuntime(runtime))
            .Select(settings => $"{settings.Framework} {settings.Runtime}");

        Assert.Equal(["net8.0 linux-x64", "net8.0 win-x64", "net10.0 linux-x64", "net10.0 win-x64"], combinations);
    }

    [Fact]
    public void CombineWith_configurators_makes_one_settings_object_each()
    {
        var combinations = new DotNetBuildSettings().CombineWith(s => s.SetConfiguration("Debug"), s => s.SetConfiguration("Release"));

        Assert.Equal(["Debug", "Release"], combinations.Select(settings => settings.Configuration));
    }

    [Fact]
    public void The_combinations_run_one_at_a_time_by_default_and_return_their_settings_and_output_in_order()
    {
        var running = 0;
        var most = 0;
        var results = ToolTasks.RunEach(["a", "b", "c"], async (name, _) =>
        {
            most = Math.Max(most, Interlocked.Increment(ref running));
            await Task.Delay(10, CancellationToken.None);
            Interlocked.Decrement(ref running);
            return new ToolResult(0, [new ToolOutputLine($"ran {name}", IsError: false)]);
        }, degreeOfParallelism: 1, completeOnFailure: false);

        Assert.Equal(["a", "b", "c"], results.Select(result => result.Settings));
        Assert.Equal(["ran a", "ran b", "ran c"], results.Select(result => result.Output.Single().Text));
        Assert.Equal(1, most);
    }

    [Fact]
    public void The_combinations_run_side_by_side_up_to_the_degree_of_parallelism()
    {
        using var together = new Barrier(2);
        var results = ToolTasks.RunEach([1, 2], (_, _) =>
        {
            Assert.True(together.SignalAndWait(TimeSpan.FromSeconds(30), CancellationToken.None), "The second combination did not start beside the first.");
            return Task.FromResult(new ToolResult(0, []));
        }, degreeOfParallelism: 2, completeOnFailure: false);

        Assert.Equal(2, results.Count);
    }

    [Fact]
    public void A_failed_combination_stops_the_rest_and_fails_the_task_with_its_own_exception()
    {
        var ran = new List<string>();
        var exception = Assert.Throws<ToolException>(() => ToolTasks.RunEach(["a", "b", "c"], (name, _) =>
        {
            ran.Add(name);
            return name == "b" ? throw new ToolException("'dotnet test b' in /repo exited with code 1.", 1) : Task.FromResult(new ToolResult(0, []));
        }, degreeOfParallelism: 1, completeOnFailure: false));

        Assert.Equal(["a", "b"], ran);
        Assert.Equal(1, exception.ExitCode);
    }

    [Fact]
    public void With_completeOnFailure_every_combination_runs_and_the_failures_are_reported_together()
    {
        var ran = new List<string>();
        var exception = Assert.Throws<ToolException>(() => ToolTasks.RunEach(["a", "b", "c"], (name, _) =>
        {
            ran.Add(name);
            return name != "b" ? throw new ToolException($"'dotnet test {name}' exited with code 1.", 1) : Task.FromResult(new ToolResult(0, []));
        }, degreeOfParallelism: 1, completeOnFailure: true));

        Assert.Equal(["a", "b", "c"], ran);
        Assert.StartsWith("2 of 3 runs failed:", exception.Message, StringComparison.Ordinal);
        Assert.Contains("'dotnet test a'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("'dotnet test c'", exception.Message, StringComparison.Ordinal);
    }
}
