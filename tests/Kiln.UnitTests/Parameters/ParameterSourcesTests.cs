namespace Kiln.UnitTests.Parameters;

/// <summary>Parameters read through a whole run: .nuke/parameters.json, profile files and the environment.</summary>
[Collection("Build runs")]
public sealed class ParameterSourcesTests : IDisposable
{
    private readonly TemporaryRoot root = new();

    public void Dispose() => root.Dispose();

    [Fact]
    public async Task Run_reads_parameters_json()
    {
        root.WriteNukeFile("parameters.json", """{ "Configuration": "Release" }""");
        var build = new ParameterBuild();

        await root.RunAsync(build, ["Show"]);

        Assert.Equal("Release", build.Configuration);
    }

    [Fact]
    public async Task Run_applies_a_profile_on_top_of_parameters_json()
    {
        root.WriteNukeFile("parameters.json", """{ "Configuration": "Release", "Feed": "local" }""");
        root.WriteNukeFile("parameters.ci.json", """{ "Feed": "ci-feed" }""");
        var build = new ParameterBuild();

        await root.RunAsync(build, ["Show", "--profile", "ci"]);

        Assert.Equal(("Release", "ci-feed"), (build.Configuration, build.Feed));
    }

    [Fact]
    public async Task Run_lets_the_last_profile_win()
    {
        root.WriteNukeFile("parameters.ci.json", """{ "Feed": "ci-feed" }""");
        root.WriteNukeFile("parameters.staging.json", """{ "Feed": "staging-feed" }""");
        var build = new ParameterBuild();

        await root.RunAsync(build, ["Show", "--profile", "staging", "--profile", "ci"]);

        Assert.Equal("ci-feed", build.Feed);
    }

    [Fact]
    public async Task Run_prefers_the_environment_to_a_profile()
    {
        root.WriteNukeFile("parameters.ci.json", """{ "Feed": "ci-feed" }""");
        var environment = TemporaryRoot.LocalEnvironment();
        environment["FEED"] = "env-feed";
        var build = new ParameterBuild();

        await root.RunAsync(build, ["Show", "--profile", "ci"], environment);

        Assert.Equal("env-feed", build.Feed);
    }

    [Fact]
    public async Task Run_reads_the_profile_from_the_kiln_profile_variable()
    {
        root.WriteNukeFile("parameters.ci.json", """{ "Feed": "ci-feed" }""");
        var environment = TemporaryRoot.LocalEnvironment();
        environment["KILN_PROFILE"] = "ci";
        var build = new ParameterBuild();

        await root.RunAsync(build, ["Show"], environment);

        Assert.Equal("ci-feed", build.Feed);
    }

    [Fact]
    public async Task Run_ignores_a_stray_profile_variable()
    {
        var environment = TemporaryRoot.LocalEnvironment();
        environment["PROFILE"] = "missing";

        var run = await root.RunAsync(new ParameterBuild(), ["Show"], environment);

        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task Run_lists_the_available_profiles_when_one_is_missing()
    {
        root.WriteNukeFile("parameters.json", "{}");
        root.WriteNukeFile("parameters.release.json", "{}");
        root.WriteNukeFile("parameters.ci.json", "{}");

        var run = await root.RunAsync(new ParameterBuild(), ["Show", "--profile", "staging"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            "Profile 'staging' not found: .nuke/parameters.staging.json does not exist (profiles here: ci, release). Create the file or fix --profile.",
            run.Lines[0]);
    }

    [Fact]
    public async Task Run_says_when_there_are_no_profile_files()
    {
        var run = await root.RunAsync(new ParameterBuild(), ["Show", "--profile", "ci"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            "Profile 'ci' not found: .nuke/parameters.ci.json does not exist (there are no profile files). Create the file or fix --profile.",
            run.Lines[0]);
    }

    [Fact]
    public async Task Run_rejects_an_unknown_key_in_parameters_json_with_file_and_line()
    {
        root.WriteNukeFile("parameters.json", "{\n  \"Configuration\": \"Release\",\n  \"Fed\": \"x\"\n}");

        var run = await root.RunAsync(new ParameterBuild(), ["Show"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(".nuke/parameters.json(3): unknown parameter 'Fed'. Did you mean Feed? Fix the key or delete the entry.", run.Lines[0]);
    }

    [Fact]
    public async Task Run_rejects_broken_json_in_a_profile_with_file_and_line()
    {
        root.WriteNukeFile("parameters.ci.json", "{\n  \"Feed\": \"x\"\n  \"Configuration\": \"Release\"\n}");

        var run = await root.RunAsync(new ParameterBuild(), ["Show", "--profile", "ci"]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(".nuke/parameters.ci.json(3): ", run.Lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_reads_the_verbosity_from_parameters_json()
    {
        root.WriteNukeFile("parameters.json", """{ "Verbosity": "Quiet" }""");
        var build = new ParameterBuild();

        var run = await root.RunAsync(build, ["Show"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Show"], build.Ran);
        Assert.DoesNotContain(run.Lines, line => line.Contains("configuration is", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_reads_targets_from_parameters_json_when_none_are_named()
    {
        root.WriteNukeFile("parameters.json", """{ "Target": ["Other"] }""");
        var build = new ParameterBuild();

        await root.RunAsync(build, [], null, "Show");

        Assert.Equal(["Other"], build.Ran);
    }

    private sealed class ParameterBuild : KilnBuild
    {
        public List<string> Ran { get; } = [];

        [Parameter]
        public string Configuration { get; set; } = "Debug";

        [Parameter]
        public string? Feed { get; set; }

        public Target Show => _ => _.Executes(() =>
        {
            Ran.Add("Show");
            Log.Information($"configuration is {Configuration}");
        });

        public Target Other => _ => _.Executes(() => Ran.Add("Other"));
    }
}
