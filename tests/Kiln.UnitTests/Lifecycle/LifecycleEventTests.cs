using Kiln.Lifecycle;

namespace Kiln.UnitTests.Lifecycle;

[Collection("Build runs")]
public sealed class LifecycleEventTests : IDisposable
{
    private readonly TemporaryRoot root = new();

    public void Dispose() => root.Dispose();

    [Fact]
    public async Task Lifecycle_events_come_in_order_each_for_the_target_it_concerns()
    {
        var build = new EventBuild();

        var run = await root.RunAsync(build, ["Docs", "Test", "--max-parallel", "1"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            [
                "created: Docs, Compile, Test, Package",
                "initialized: Docs, Compile, Test",
                "skipped Docs: condition false: WithDocs",
                "running Compile",
                "succeeded Compile",
                "running Test",
                "failed Test: 2 tests failed",
                "finished: failed",
            ],
            build.Events);
    }

    [Fact]
    public async Task A_target_skipped_by_the_command_line_raises_the_skipped_event_and_a_successful_run_finishes_succeeded()
    {
        var build = new EventBuild();

        await root.RunAsync(build, ["Package", "--skip", "Compile"]);

        Assert.Equal(["skipped Compile: skipped by --skip", "running Package", "succeeded Package", "finished: succeeded"], build.Events.Skip(2));
    }

    [Fact]
    public async Task A_component_interface_handles_an_event_with_a_default_method()
    {
        var build = new ComponentBuild();

        var run = await root.RunAsync(build, ["Compile"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Compile"], build.Announced);
    }

    [Fact]
    public async Task A_handler_that_throws_is_reported_as_one_line_and_the_target_keeps_its_outcome()
    {
        var run = await root.RunAsync(new ThrowingHandlerBuild(), ["Compile"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Compile Succeeded < 1s", run.Row("Compile"));
        Assert.Single(run.Lines, line => line.Contains("boom", StringComparison.Ordinal));
        Assert.Contains(run.Lines, line => line.EndsWith("ThrowingHandlerBuild.OnTargetSucceeded(Compile) failed: boom", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_build_created_handler_that_throws_stops_the_run_with_one_line()
    {
        var build = new ThrowingCreatedBuild();

        var run = await root.RunAsync(build, ["Compile"]);

        Assert.Equal(2, run.ExitCode);
        Assert.False(build.Compiled);
        Assert.Single(run.Lines, line => line.Contains("no config", StringComparison.Ordinal));
        Assert.Contains(run.Lines, line => line.EndsWith("ThrowingCreatedBuild.OnBuildCreated failed: no config", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_attribute_on_the_build_class_handles_events_and_reaches_the_build()
    {
        var build = new AttributedBuild();

        var run = await root.RunAsync(build, ["Compile"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["created AttributedBuild", "finished Compile: True"], build.Seen);
        Assert.Contains(run.Lines, line => line.EndsWith("announced by an attribute: Compile", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--generate-workflows", "Generate", false)]
    [InlineData("--plan", "Validate", false)]
    [InlineData("Compile", "Update", true)]
    public async Task A_files_generator_is_asked_by_mode_and_generate_workflows_ends_the_run(string argument, string mode, bool compiles)
    {
        var build = new GeneratingBuild();

        var run = await root.RunAsync(build, [argument]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal([mode], build.Modes);
        Assert.Equal(compiles, build.Compiled);
    }

    [Fact]
    public async Task A_files_generator_is_not_asked_again_locally_while_the_build_and_its_files_are_unchanged()
    {
        var build = new GeneratingBuild();

        await root.RunAsync(build, ["Compile"]);
        await root.RunAsync(build, ["Compile"]);

        Assert.Equal(["Update"], build.Modes);
    }

    private sealed class EventBuild : KilnBuild,
        IOnBuildCreated, IOnBuildInitialized, IOnTargetRunning, IOnTargetSucceeded, IOnTargetFailed, IOnTargetSkipped, IOnBuildFinished
    {
        public List<string> Events { get; } = [];

        [Parameter]
        public bool WithDocs { get; set; }

        public Target Docs => _ => _.OnlyWhenDynamic(() => WithDocs).Executes(() => { });

        public Target Compile => _ => _.Executes(() => { });

        public Target Test => _ => _.DependsOn(Compile).Executes(() => throw new KilnException("2 tests failed"));

        public Target Package => _ => _.DependsOn(Compile).Executes(() => { });

        public void OnBuildCreated(BuildModel build) => Events.Add($"created: {string.Join(", ", build.Targets)}");

        public void OnBuildInitialized(BuildModel build, IReadOnlyList<BuildTarget> plan) => Events.Add($"initialized: {string.Join(", ", plan)}");

        public void OnTargetRunning(BuildTarget target) => Events.Add($"running {target}");

        public void OnTargetSucceeded(BuildTarget target) => Events.Add($"succeeded {target}");

        public void OnTargetFailed(BuildTarget target, Exception exception) => Events.Add($"failed {target}: {exception.Message}");

        public void OnTargetSkipped(BuildTarget target, string reason) => Events.Add($"skipped {target}: {reason}");

        public void OnBuildFinished(BuildModel build, bool succeeded) => Events.Add($"finished: {(succeeded ? "succeeded" : "failed")}");
    }

    private interface IAnnounceSuccess : IOnTargetSucceeded
    {
        List<string> Announced { get; }

        void IOnTargetSucceeded.OnTargetSucceeded(BuildTarget target) => Announced.Add(target.Name);
    }

    private sealed class ComponentBuild : KilnBuild, IAnnounceSuccess
    {
        public List<string> Announced { get; } = [];

        public Target Compile => _ => _.Executes(() => { });
    }

    private sealed class ThrowingHandlerBuild : KilnBuild, IOnTargetSucceeded
    {
        public Target Compile => _ => _.Executes(() => { });

        public void OnTargetSucceeded(BuildTarget target) => throw new InvalidOperationException("boom");
    }

    private sealed class ThrowingCreatedBuild : KilnBuild, IOnBuildCreated
    {
        public bool Compiled { get; private set; }

        public Target Compile => _ => _.Executes(() => Compiled = true);

        public void OnBuildCreated(BuildModel build) => throw new InvalidOperationException("no config");
    }

    [AttributeUsage(AttributeTargets.Class)]
    private sealed class AnnounceAttribute : Attribute, IOnBuildCreated, IOnTargetRunning, IOnBuildFinished
    {
        public void OnBuildCreated(BuildModel build) => ((AttributedBuild)build.Build).Seen.Add($"created {build.BuildType.Name}");

        public void OnTargetRunning(BuildTarget target) => Log.Information($"announced by an attribute: {target.Name}");

        public void OnBuildFinished(BuildModel build, bool succeeded) =>
            ((AttributedBuild)build.Build).Seen.Add($"finished {string.Join(", ", build.Targets)}: {succeeded}");
    }

    [Announce]
    private sealed class AttributedBuild : KilnBuild
    {
        public List<string> Seen { get; } = [];

        public Target Compile => _ => _.Executes(() => { });
    }

    [AttributeUsage(AttributeTargets.Class)]
    private sealed class GenerateNotesAttribute : Attribute, IGeneratesFiles
    {
        public string GeneratedFilesName => "notes";

        public IEnumerable<AbsolutePath> ExistingGeneratedFiles(AbsolutePath rootDirectory) => [];

        public void GenerateFiles(BuildModel build, GeneratedFilesMode mode) => ((GeneratingBuild)build.Build).Modes.Add(mode.ToString());
    }

    [GenerateNotes]
    private sealed class GeneratingBuild : KilnBuild
    {
        public List<string> Modes { get; } = [];

        public bool Compiled { get; private set; }

        public Target Compile => _ => _.Executes(() => Compiled = true);
    }
}
