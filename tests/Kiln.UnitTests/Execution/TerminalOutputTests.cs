using System.Text;
using Kiln.Execution;

namespace Kiln.UnitTests.Execution;

/// <summary>The same build on a terminal and redirected, told apart by the runner's injected terminal detection.</summary>
[Collection("Build runs")]
public sealed class TerminalOutputTests : IDisposable
{
    private readonly TemporaryRoot root = new();

    public void Dispose() => root.Dispose();

    [Fact]
    public async Task A_build_on_a_terminal_shows_the_running_target_on_a_status_line_and_clears_it_before_the_summary()
    {
        var output = await RunAsync(isTerminal: true, TemporaryRoot.LocalEnvironment());

        Assert.Contains("\r\u001b[2K", output, StringComparison.Ordinal);
        Assert.Matches(@"Slow 0:0\d", output);
        var summary = output.IndexOf("Build succeeded", StringComparison.Ordinal);
        Assert.True(summary > output.LastIndexOf("\r\u001b[2K", StringComparison.Ordinal), output);
    }

    [Theory]
    [InlineData(false, null)]
    [InlineData(true, "CI")]
    public async Task A_build_redirected_or_on_ci_writes_no_escape_codes(bool isTerminal, string? marker)
    {
        var environment = TemporaryRoot.LocalEnvironment();
        if (marker is not null)
        {
            environment[marker] = "true";
        }

        var output = await RunAsync(isTerminal, environment);

        Assert.DoesNotContain('\u001b', output);
        Assert.Contains("Build succeeded", output, StringComparison.Ordinal);
    }

    private async Task<string> RunAsync(bool isTerminal, Dictionary<string, string> environment)
    {
        using var output = new StringWriter(new StringBuilder(), System.Globalization.CultureInfo.InvariantCulture);
        var exitCode = await BuildRunner.RunAsync(
            () => new SlowBuild(),
            ["Slow"],
            ["--root", root.Path],
            environment,
            output,
            installSignalHandlers: false,
            isTerminal: isTerminal);
        Assert.True(exitCode == 0, output.ToString());
        return output.ToString();
    }

    private sealed class SlowBuild : KilnBuild
    {
        // Past the heartbeat's one-second look at the running targets.
        public Target Slow => _ => _.Executes(() => Task.Delay(TimeSpan.FromMilliseconds(2300)));
    }
}
