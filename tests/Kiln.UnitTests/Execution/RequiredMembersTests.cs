namespace Kiln.UnitTests.Execution;

/// <summary>[Required] parameters and injected members: checked before any target runs, named with how to set them.</summary>
[Collection("Build runs")]
public sealed class RequiredMembersTests : IDisposable
{
    private readonly TemporaryRoot root = new();

    public void Dispose() => root.Dispose();

    [Fact]
    public async Task A_missing_required_parameter_stops_the_build_before_any_target_with_how_to_set_it()
    {
        var build = new KeyBuild();

        var run = await root.RunAsync(build, ["Compile", "Push"]);

        Assert.Equal(2, run.ExitCode);
        Assert.False(build.Compiled);
        Assert.Contains("Parameter 'ApiKey' is required: pass --api-key <value> or set the environment variable API_KEY.", run.Lines);
    }

    [Fact]
    public async Task A_required_parameter_given_lets_the_build_run_and_its_secret_value_is_not_printed()
    {
        var build = new KeyBuild();

        var run = await root.RunAsync(build, ["Compile", "Push", "--api-key", "s3cret-key-value"]);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.True(build.Compiled);
        Assert.DoesNotContain("s3cret-key-value", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_and_plan_need_no_required_value_and_help_says_which_are_required()
    {
        var help = await root.RunAsync(new KeyBuild(), ["--help"]);

        Assert.Equal(0, help.ExitCode);
        Assert.Contains(help.Lines, line => line.Contains("required; secret (masked in output); env: API_KEY", StringComparison.Ordinal));
        Assert.Equal(0, (await root.RunAsync(new KeyBuild(), ["Push", "--plan"])).ExitCode);
    }

    [Fact]
    public async Task A_required_parameter_of_a_component_is_named_like_the_builds_own()
    {
        var run = await root.RunAsync(new ComponentKeyBuild(), ["Push"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Parameter 'FeedKey' is required: pass --feed-key <value> or set the environment variable FEED_KEY.", run.Lines);
    }

    [Fact]
    public async Task A_components_target_requires_its_own_parameter_by_name()
    {
        var run = await root.RunAsync(new ComponentKeyBuild(), ["Announce", "--feed-key", "k"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Target 'Announce' requires parameter 'Channel': pass --channel <value> or set the environment variable CHANNEL.", run.Lines);
    }

    [Fact]
    public async Task A_required_member_nothing_sets_is_named()
    {
        var run = await root.RunAsync(new UnsetBuild(), ["Show"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("UnsetBuild.Folders is required, but nothing sets it: give it a value, or make it a [Parameter].", run.Lines);
    }

    private sealed class KeyBuild : KilnBuild
    {
        [Parameter("Key of the package feed."), Secret, Required]
        public string? ApiKey { get; init; }

        public bool Compiled { get; private set; }

        public Target Compile => _ => _.Executes(() => Compiled = true);

        public Target Push => _ => _.DependsOn(Compile).Executes(() => Log.Information($"pushing with {ApiKey}"));
    }

    private interface IHazFeedKey : IKilnBuild
    {
        [Parameter("Key of the feed."), Secret, Required]
        string? FeedKey => TryGetValue(() => FeedKey);

        [Parameter("Where to announce a push.")]
        string? Channel => TryGetValue(() => Channel);

        Target Push => _ => _.Executes(() => { });

        Target Announce => _ => _.Requires(() => Channel).Executes(() => { });
    }

    private sealed class ComponentKeyBuild : KilnBuild, IHazFeedKey;

    private sealed class UnsetBuild : KilnBuild
    {
        [Required]
        public string[] Folders { get; } = [];

        public Target Show => _ => _.Executes(() => { });
    }
}
