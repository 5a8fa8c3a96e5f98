namespace Kiln.IntegrationTests.Planning;

[Collection(TinyBuildRuns.Name)]
public sealed class PlanningTests(TinyBuildFixture sample)
{
    [Fact]
    public async Task Unknown_target_stops_the_build_with_exit_code_2_and_a_suggestion()
    {
        var run = await sample.RunAsync("Helo");

        run.AssertExitCode(2);
        var error = Assert.Single(run.Lines, line => line.Contains("Unknown target", StringComparison.Ordinal));
        Assert.Contains("Unknown target 'Helo'.", error, StringComparison.Ordinal);
        Assert.Contains("Did you mean Hello?", error, StringComparison.Ordinal);
        Assert.False(run.HasSummary, run.ToString());
    }

    [Fact]
    public async Task Cycle_among_the_scheduled_targets_stops_the_build_with_exit_code_2_and_its_path()
    {
        var run = await sample.RunAsync("CycleA");

        run.AssertExitCode(2);
        var error = Assert.Single(run.Lines, line => line.Contains("cycle", StringComparison.Ordinal));
        Assert.Contains("CycleA -> CycleB -> CycleA", error, StringComparison.Ordinal);
        Assert.DoesNotContain(run.Lines, line => line.StartsWith("Cycle", StringComparison.Ordinal) && line.EndsWith(" ran.", StringComparison.Ordinal));
        Assert.False(run.HasSummary, run.ToString());
    }

    [Fact]
    public async Task Plan_prints_the_plan_writes_the_mermaid_graph_and_runs_nothing()
    {
        var planFile = Path.Combine(sample.Root, "artifacts", "plan.md");
        if (File.Exists(planFile))
        {
            File.Delete(planFile);
        }

        var run = await sample.RunAsync("AfterFail", "--plan");

        run.AssertExitCode(0);
        var plan = run.StandardOutput.SkipWhile(line => line != "Plan:").Take(4).ToList();
        Assert.Equal(["Plan:", "  1. Fail", "  2. AfterFail  (invoked)", "  3. Cleanup"], plan);
        Assert.Contains("Mermaid graph written to artifacts/plan.md; the graph as a page: artifacts/plan.html.", run.StandardOutput);
        var mermaid = await File.ReadAllTextAsync(planFile);
        Assert.Contains("```mermaid", mermaid, StringComparison.Ordinal);
        Assert.Contains("t_Fail --> t_AfterFail", mermaid, StringComparison.Ordinal);
        Assert.Contains("t_Fail ==> t_Cleanup", mermaid, StringComparison.Ordinal);
        Assert.DoesNotContain(run.Lines, line => line.Contains("broke on purpose", StringComparison.Ordinal) || line.EndsWith(" ran.", StringComparison.Ordinal));
        Assert.False(run.HasSummary, run.ToString());
    }
}
