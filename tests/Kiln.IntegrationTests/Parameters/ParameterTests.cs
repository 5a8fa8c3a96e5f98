namespace Kiln.IntegrationTests.Parameters;

[Collection(TinyBuildRuns.Name)]
public sealed class ParameterTests(TinyBuildFixture sample)
{
    private const string Secret = "kiln-it-secret-7f3a9c";

    [Fact]
    public async Task Missing_required_parameter_stops_the_build_before_any_target_runs()
    {
        var run = await sample.RunAsync("Publish");

        run.AssertExitCode(2);
        var error = Assert.Single(run.Lines, line => line.Contains("requires parameter", StringComparison.Ordinal));
        Assert.Contains("Target 'Publish' requires parameter 'ApiKey'", error, StringComparison.Ordinal);
        Assert.Contains("--api-key", error, StringComparison.Ordinal);
        Assert.Contains("API_KEY", error, StringComparison.Ordinal);
        Assert.DoesNotContain(run.Lines, line => line.StartsWith("Publish ran", StringComparison.Ordinal));
        Assert.False(run.HasSummary, run.ToString());
    }

    [Fact]
    public async Task Required_parameter_from_the_environment_lets_the_target_run_with_the_secret_masked()
    {
        var run = await sample.RunAsync(new Dictionary<string, string?> { ["API_KEY"] = Secret }, "Publish");

        run.AssertExitCode(0);
        Assert.Equal("Succeeded", run.Status("Publish"));
        Assert.Contains("Publish ran with key ***.", run.StandardOutput);
        Assert.Contains("tool saw key ***", run.StandardOutput);
        Assert.DoesNotContain(Secret, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secret_given_on_the_command_line_is_masked_in_log_and_tool_output()
    {
        var run = await sample.RunAsync("Publish", "--api-key", Secret);

        run.AssertExitCode(0);
        Assert.Contains("Publish ran with key ***.", run.StandardOutput);
        Assert.Contains("tool saw key ***", run.StandardOutput);
        Assert.DoesNotContain(Secret, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enum_parameter_is_set_from_the_command_line_ignoring_case()
    {
        var run = await sample.RunAsync("Hello", "--flavor", "chocolate");

        run.AssertExitCode(0);
        Assert.Contains("Hello ran: Chocolate greetings from TinyBuild.", run.StandardOutput);
    }

    [Fact]
    public async Task Unknown_parameter_stops_the_build_with_exit_code_2_and_a_suggestion()
    {
        var run = await sample.RunAsync("Hello", "--flavour", "Chocolate");

        run.AssertExitCode(2);
        var error = Assert.Single(run.Lines, line => line.Contains("Unknown parameter", StringComparison.Ordinal));
        Assert.Contains("Unknown parameter '--flavour'.", error, StringComparison.Ordinal);
        Assert.Contains("Did you mean --flavor?", error, StringComparison.Ordinal);
        Assert.DoesNotContain(run.Lines, line => line.StartsWith("Hello ran", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bad_enum_value_stops_the_build_with_exit_code_2_and_lists_the_allowed_values()
    {
        var run = await sample.RunAsync("Hello", "--flavor", "Strawberry");

        run.AssertExitCode(2);
        var error = Assert.Single(run.Lines, line => line.Contains("Invalid value", StringComparison.Ordinal));
        Assert.Contains("Invalid value 'Strawberry' for --flavor", error, StringComparison.Ordinal);
        Assert.Contains("expected one of Vanilla, Chocolate", error, StringComparison.Ordinal);
        Assert.DoesNotContain(run.Lines, line => line.StartsWith("Hello ran", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Parameters_file_sets_a_parameter()
    {
        var original = await File.ReadAllTextAsync(sample.ParametersFile);
        try
        {
            await File.WriteAllTextAsync(sample.ParametersFile, """
                {
                  "$schema": "./build.schema.json",
                  "Flavor": "Chocolate"
                }

                """);

            var run = await sample.RunAsync("Hello");

            run.AssertExitCode(0);
            Assert.Contains("Hello ran: Chocolate greetings from TinyBuild.", run.StandardOutput);
        }
        finally
        {
            await File.WriteAllTextAsync(sample.ParametersFile, original);
        }
    }

    [Fact]
    public async Task Broken_parameters_file_stops_the_build_with_exit_code_2_naming_the_file_and_line()
    {
        var original = await File.ReadAllTextAsync(sample.ParametersFile);
        try
        {
            // The comma after "Chocolate" is missing, so line 4 does not parse.
            await File.WriteAllTextAsync(sample.ParametersFile, """
                {
                  "$schema": "./build.schema.json",
                  "Flavor": "Chocolate"
                  "ApiKey": "x"
                }

                """);

            var run = await sample.RunAsync("Hello");

            run.AssertExitCode(2);
            var error = Assert.Single(run.Lines, line => line.Contains("parameters.json", StringComparison.Ordinal));
            Assert.StartsWith(".nuke/parameters.json(4): ", error, StringComparison.Ordinal);
            Assert.DoesNotContain(run.Lines, line => line.StartsWith("Hello ran", StringComparison.Ordinal));
        }
        finally
        {
            await File.WriteAllTextAsync(sample.ParametersFile, original);
        }
    }
}
