namespace Kiln.UnitTests.Hosts;

[Collection("Build runs")]
public sealed class SecretMaskingTests : IDisposable
{
    private const string Token = "tok-0123456789abcdef";
    private readonly TemporaryRoot root = new();

    public void Dispose() => root.Dispose();

    [Fact]
    public async Task Secret_is_masked_in_log_messages()
    {
        var run = await root.RunAsync(new SecretBuild(), ["Announce", "--token", Token]);

        Assert.Contains("using ***", run.Lines);
        Assert.Contains("also ***", run.Lines);
    }

    [Fact]
    public async Task Secret_is_masked_in_a_rendered_message_template_and_its_structured_values()
    {
        var run = await root.RunAsync(new SecretBuild(), ["Template", "--token", Token]);

        Assert.Contains("pushing with *** as ci", run.Lines);
        Assert.Contains("credentials { User: \"ci\", Token: \"***\" }", run.Lines);
        Assert.DoesNotContain(Token, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secret_is_masked_in_the_exception_message_of_a_failed_target()
    {
        var run = await root.RunAsync(new SecretBuild(), ["Push", "--token", Token]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("InvalidOperationException: token=***", run.Lines);
        Assert.Equal("Push Failed < 1s token=***", run.Row("Push"));
    }

    [Fact]
    public async Task Secret_is_masked_in_a_reported_summary_note()
    {
        var run = await root.RunAsync(new SecretBuild(), ["Announce", "--token", Token]);

        Assert.Equal("Announce Succeeded < 1s pushed with ***", run.Row("Announce"));
    }

    [Fact]
    public async Task Secret_is_not_partly_shown_when_a_long_failure_note_is_shortened()
    {
        var run = await root.RunAsync(new SecretBuild(), ["LongFailure", "--token", Token]);

        Assert.Equal("LongFailure Failed < 1s " + new string('x', 65) + " token=***", run.Row("LongFailure"));
        Assert.DoesNotContain(Token[..5], run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secret_from_the_environment_is_masked_too()
    {
        var environment = TemporaryRoot.LocalEnvironment();
        environment["TOKEN"] = Token;

        var run = await root.RunAsync(new SecretBuild(), ["Push"], environment);

        Assert.Contains("InvalidOperationException: token=***", run.Lines);
        Assert.DoesNotContain(Token, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secret_from_a_parameters_file_is_masked_too()
    {
        root.WriteNukeFile("parameters.json", $$"""{ "Token": "{{Token}}" }""");

        var run = await root.RunAsync(new SecretBuild(), ["Announce"]);

        Assert.Contains("using ***", run.Lines);
        Assert.DoesNotContain(Token, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secret_appears_on_github_actions_only_in_the_add_mask_line()
    {
        var stepSummary = Path.Combine(root.Path, "step-summary.md");
        var environment = GitHubEnvironment(stepSummary);

        var run = await root.RunAsync(new SecretBuild(), ["Push", "--token", Token], environment);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal([$"::add-mask::{Token}"], run.Lines.Where(line => line.Contains(Token, StringComparison.Ordinal)));
        Assert.Contains("::error::InvalidOperationException: token=***", run.Lines);
        Assert.Contains("::warning::also ***", run.Lines);
        var markdown = File.ReadAllText(stepSummary);
        Assert.Contains("| Announce | ✅ Succeeded | < 1s | pushed with *** |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Push | ❌ Failed | < 1s | token=*** |", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildRunner_selects_the_github_actions_host_when_github_actions_is_true()
    {
        var stepSummary = Path.Combine(root.Path, "step-summary.md");

        var run = await root.RunAsync(new SecretBuild(), ["Announce", "--token", Token], GitHubEnvironment(stepSummary));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("::add-mask::" + Token, run.Lines[0]);
        Assert.Contains("::group::Announce", run.Lines);
        Assert.Contains("::endgroup::", run.Lines);
        Assert.StartsWith("### Build succeeded in ", File.ReadAllText(stepSummary), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Value_masked_while_a_target_runs_is_masked_in_its_log_and_failure_note()
    {
        var run = await root.RunAsync(new SecretBuild(), ["Fetch"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("fetched with ***", run.Lines);
        Assert.Equal("Fetch Failed < 1s rejected ***", run.Row("Fetch"));
        Assert.DoesNotContain(SecretBuild.FetchedKey, run.Output, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> GitHubEnvironment(string stepSummary)
    {
        var environment = TemporaryRoot.LocalEnvironment();
        environment["GITHUB_ACTIONS"] = "true";
        environment["CI"] = "true";
        environment["GITHUB_STEP_SUMMARY"] = stepSummary;
        return environment;
    }

    private sealed class SecretBuild : KilnBuild
    {
        [Parameter]
        [Secret]
        public string? Token { get; set; }

        public Target Announce => _ => _.Executes(() =>
        {
            Log.Information($"using {Token}");
            Log.Warning($"also {Token}");
            ReportSummary($"pushed with {Token}");
        });

        public Target Template => _ => _.Executes(() =>
        {
            Log.Information("pushing with {Token} as {User}", Token, "ci");
            Log.Information("credentials {@Credentials}", new { User = "ci", Token });
        });

        public Target Push => _ => _.DependsOn(Announce).Executes(() => throw new InvalidOperationException("token=" + Token));

        public const string FetchedKey = "key-fedcba9876543210";

        public Target Fetch => _ => _.Executes(() =>
        {
            MaskSecret(FetchedKey);
            Log.Information($"fetched with {FetchedKey}");
            throw new InvalidOperationException("rejected " + FetchedKey);
        });

        public Target LongFailure => _ => _.Executes(() => throw new InvalidOperationException(new string('x', 65) + " token=" + Token));
    }
}
