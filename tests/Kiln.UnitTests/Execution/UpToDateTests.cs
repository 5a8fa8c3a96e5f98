namespace Kiln.UnitTests.Execution;

/// <summary>Skipping a target whose inputs, parameters and outputs are as at its last success.</summary>
[Collection("Build runs")]
public sealed class UpToDateTests : IDisposable
{
    private readonly TemporaryRoot root = new();

    public UpToDateTests()
    {
        Directory.CreateDirectory(Path.Combine(root.Path, "src"));
        File.WriteAllText(Path.Combine(root.Path, "src", "a.txt"), "one");
        File.WriteAllText(Path.Combine(root.Path, "src", "b.log"), "ignored");
    }

    public void Dispose() => root.Dispose();

    [Fact]
    public async Task A_target_runs_again_only_when_its_inputs_changed_and_is_UpToDate_otherwise()
    {
        var first = new TrackedBuild();
        var firstRun = await root.RunAsync(first, ["Generate"]);
        Assert.True(first.Ran.Count == 1, firstRun.Output);
        var second = new TrackedBuild();

        var run = await root.RunAsync(second, ["Generate"]);

        Assert.Equal(["Generate"], first.Ran);
        Assert.Empty(second.Ran);
        Assert.StartsWith("Generate UpToDate up to date: inputs unchanged since ", run.Row("Generate"), StringComparison.Ordinal);
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task Changing_an_input_file_runs_the_target_again()
    {
        await root.RunAsync(new TrackedBuild(), ["Generate"]);
        File.WriteAllText(Path.Combine(root.Path, "src", "a.txt"), "two");
        var again = new TrackedBuild();

        await root.RunAsync(again, ["Generate"]);

        Assert.Equal(["Generate"], again.Ran);
    }

    [Fact]
    public async Task A_file_the_patterns_exclude_is_not_an_input()
    {
        await root.RunAsync(new TrackedBuild(), ["Generate"]);
        File.WriteAllText(Path.Combine(root.Path, "src", "b.log"), "changed");
        var again = new TrackedBuild();

        var run = await root.RunAsync(again, ["Generate"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(again.Ran);
        Assert.StartsWith("Generate UpToDate up to date: inputs unchanged since ", run.Row("Generate"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_a_parameter_runs_the_target_again()
    {
        await root.RunAsync(new TrackedBuild(), ["Generate"]);
        var again = new TrackedBuild();

        await root.RunAsync(again, ["Generate", "--flavor", "lemon"]);

        Assert.Equal(["Generate"], again.Ran);
    }

    [Fact]
    public async Task A_missing_output_runs_the_target_again()
    {
        await root.RunAsync(new TrackedBuild(), ["Generate"]);
        File.Delete(Path.Combine(root.Path, "out", "generated.txt"));
        var again = new TrackedBuild();

        await root.RunAsync(again, ["Generate"]);

        Assert.Equal(["Generate"], again.Ran);
    }

    [Fact]
    public async Task Force_with_the_target_s_name_or_bare_runs_it_whatever_its_record_says()
    {
        await root.RunAsync(new TrackedBuild(), ["Generate"]);
        var named = new TrackedBuild();
        var bare = new TrackedBuild();

        await root.RunAsync(named, ["Generate", "--force", "Generate"]);
        await root.RunAsync(bare, ["Generate", "--force"]);

        Assert.Equal(["Generate"], named.Ran);
        Assert.Equal(["Generate"], bare.Ran);
    }

    [Fact]
    public async Task Force_of_an_unknown_target_is_bad_input_naming_the_closest_target()
    {
        var run = await root.RunAsync(new TrackedBuild(), ["Generate", "--force", "Generat"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--force names 'Generat', which is not a target. Did you mean Generate?", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failure_forgets_the_last_success_so_the_next_run_runs_the_target()
    {
        await root.RunAsync(new TrackedBuild(), ["Generate"]);
        File.WriteAllText(Path.Combine(root.Path, "src", "a.txt"), "two");
        await root.RunAsync(new TrackedBuild { Fail = true }, ["Generate"]);
        File.WriteAllText(Path.Combine(root.Path, "src", "a.txt"), "one");
        var again = new TrackedBuild();

        await root.RunAsync(again, ["Generate"]);

        Assert.Equal(["Generate"], again.Ran);
    }

    [Fact]
    public async Task A_target_without_inputs_and_outputs_always_runs()
    {
        await root.RunAsync(new TrackedBuild(), ["Untracked"]);
        var again = new TrackedBuild();

        await root.RunAsync(again, ["Untracked"]);

        Assert.Equal(["Untracked"], again.Ran);
    }

    [Fact]
    public async Task Only_a_run_with_a_target_that_names_its_inputs_reads_the_parameters_again_for_the_fingerprint()
    {
        var plain = new CountingBuild();
        var plainRun = await root.RunAsync(plain, ["Plain"]);
        var tracked = new CountingBuild();
        var trackedRun = await root.RunAsync(tracked, ["Tracked"]);

        Assert.True(plainRun.ExitCode == 0 && trackedRun.ExitCode == 0, plainRun.Output + trackedRun.Output);
        Assert.Equal(plain.FlavorReads + 1, tracked.FlavorReads);
    }

    private sealed class TrackedBuild : KilnBuild
    {
        [Parameter("A parameter the fingerprint includes.")]
        public string Flavor { get; set; } = "vanilla";

        public bool Fail { get; init; }

        public List<string> Ran { get; } = [];

        public Target Generate => _ => _
            .Inputs("src/**/*", "!src/**/*.log")
            .Outputs("out/generated.txt")
            .Executes(() =>
            {
                Ran.Add("Generate");
                if (Fail)
                {
                    throw new InvalidOperationException("generation failed");
                }

                Directory.CreateDirectory(Path.Combine(RootDirectory, "out"));
                File.WriteAllText(Path.Combine(RootDirectory, "out", "generated.txt"), Flavor);
            });

        public Target Untracked => _ => _.Executes(() => Ran.Add("Untracked"));
    }

    /// <summary>Counts how often the engine reads its parameter; neither target reads it itself.</summary>
    private sealed class CountingBuild : KilnBuild
    {
        private string flavor = "vanilla";

        public int FlavorReads { get; private set; }

        [Parameter("A parameter the fingerprint includes.")]
        public string Flavor
        {
            get
            {
                FlavorReads++;
                return flavor;
            }

            set => flavor = value;
        }

        public Target Plain => _ => _.Executes(() => { });

        public Target Tracked => _ => _
            .Inputs("src/**/*")
            .Outputs("src/a.txt")
            .Executes(() => { });
    }
}
