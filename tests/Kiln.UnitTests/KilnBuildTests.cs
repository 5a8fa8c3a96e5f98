namespace Kiln.UnitTests;

[Collection("Build runs")]
public sealed class KilnBuildTests : IDisposable
{
    private readonly TemporaryRoot root = new();

    public void Dispose() => root.Dispose();

    [Fact]
    public async Task Environment_variables_inside_a_target_are_the_ones_the_run_was_given()
    {
        var environment = TemporaryRoot.LocalEnvironment();
        environment["KILN_GREETING"] = "hello from the run";

        var run = await root.RunAsync(new EnvironmentBuild(), ["Greet"], environment);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("greeting: hello from the run", run.Lines);
    }

    private sealed class EnvironmentBuild : KilnBuild
    {
        public Target Greet => _ => _.Executes(() => Log.Information($"greeting: {EnvironmentVariables.GetValueOrDefault("KILN_GREETING")}"));
    }
}
