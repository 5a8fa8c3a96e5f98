namespace Kiln.UnitTests.Parameters;

[Collection("Build runs")]
public sealed class ComponentParametersTests : IDisposable
{
    private readonly TemporaryRoot root = new();

    public void Dispose() => root.Dispose();

    [Fact]
    public async Task A_parameter_declared_on_an_interface_keeps_its_default_when_no_source_sets_it()
    {
        var build = new GreetingBuild();

        var run = await root.RunAsync(build, ["Greet"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("hello", build.Greeted);
    }

    [Fact]
    public async Task A_parameter_declared_on_an_interface_takes_the_command_line_value()
    {
        var build = new GreetingBuild();

        await root.RunAsync(build, ["Greet", "--greeting", "hi"]);

        Assert.Equal("hi", build.Greeted);
    }

    [Fact]
    public async Task A_parameter_declared_on_an_interface_takes_an_environment_variable()
    {
        var build = new GreetingBuild();
        var environment = TemporaryRoot.LocalEnvironment();
        environment["GREETING"] = "hey";

        await root.RunAsync(build, ["Greet"], environment);

        Assert.Equal("hey", build.Greeted);
    }

    [Fact]
    public async Task A_parameter_declared_on_an_interface_takes_the_parameters_file_value()
    {
        root.WriteNukeFile("parameters.json", """{ "Greeting": "howdy" }""");
        var build = new GreetingBuild();

        await root.RunAsync(build, ["Greet"]);

        Assert.Equal("howdy", build.Greeted);
    }

    [Fact]
    public async Task Help_lists_a_parameter_declared_on_an_interface_with_its_default()
    {
        var run = await root.RunAsync(new GreetingBuild(), ["--help"]);

        var line = run.Lines.Single(line => line.TrimStart().StartsWith("--greeting", StringComparison.Ordinal));
        Assert.Contains("The word to greet with.", line, StringComparison.Ordinal);
        Assert.Contains("default: hello", run.Lines[run.Lines.ToList().IndexOf(line) + 1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_schema_lists_a_parameter_declared_on_an_interface()
    {
        await root.RunAsync(new GreetingBuild(), ["--help"]);

        Assert.Contains("\"Greeting\": {", root.ReadFile(".nuke/build.schema.json"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_build_that_declares_the_parameter_itself_replaces_the_interfaces()
    {
        var build = new OwnGreetingBuild();

        var run = await root.RunAsync(build, ["Greet", "--greeting", "hi"]);
        var help = await root.RunAsync(new OwnGreetingBuild(), ["--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("hi!", build.Greeted);
        Assert.Single(help.Lines, line => line.TrimStart().StartsWith("--greeting", StringComparison.Ordinal));
        Assert.Contains(help.Lines, line => line.Contains("The build's own greeting.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_build_that_implements_the_member_without_Parameter_fixes_the_value()
    {
        var build = new FixedGreetingBuild();

        var run = await root.RunAsync(build, ["Greet", "--greeting", "hi"]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("Unknown parameter '--greeting'.", run.Lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secret_parameter_declared_on_an_interface_is_masked()
    {
        var build = new GreetingBuild();

        var run = await root.RunAsync(build, ["Greet", "--token", "s3cret-value"]);

        Assert.Equal("s3cret-value", build.SeenToken);
        Assert.DoesNotContain("s3cret-value", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void From_names_the_interface_a_build_does_not_implement()
    {
        var exception = Assert.Throws<KilnException>(() => new FixedGreetingBuild().FromOther());

        Assert.Equal("The build does not implement IDisposable: add it to the build class's interfaces.", exception.Message);
    }

    internal interface IHazGreeting
    {
        [Parameter("The word to greet with.")]
        string Greeting => this.ParameterValue("hello");

        [Parameter("A token the greeting never shows."), Secret]
        string? Token => this.ParameterValue<IHazGreeting, string?>(null);
    }

    private sealed class GreetingBuild : KilnBuild, IHazGreeting
    {
        public string? Greeted { get; private set; }

        public string? SeenToken { get; private set; }

        Target Greet => _ => _.Executes(() =>
        {
            Greeted = From<IHazGreeting>().Greeting;
            SeenToken = From<IHazGreeting>().Token;
            Log.Information($"greeting with token {SeenToken}");
        });
    }

    private sealed class OwnGreetingBuild : KilnBuild, IHazGreeting
    {
        public string? Greeted { get; private set; }

        [Parameter("The build's own greeting.")]
        public string Greeting { get; init; } = "hello there";

        Target Greet => _ => _.Executes(() => Greeted = From<IHazGreeting>().Greeting + "!");
    }

    private sealed class FixedGreetingBuild : KilnBuild, IHazGreeting
    {
        public string Greeting => "fixed";

        public IDisposable FromOther() => From<IDisposable>();

        Target Greet => _ => _.Executes(() => { });
    }
}
