using Kiln.Execution;
using Kiln.Hosts;

namespace Kiln.UnitTests.Hosts;

public sealed class ConsoleHostTests : IDisposable
{
    private const string Escape = "\u001b";
    private readonly StringWriter output = new();

    public void Dispose() => output.Dispose();

    [Fact]
    public void ConsoleHost_writes_plain_text_without_colors()
    {
        var host = CreateHost(useColors: false, Verbosity.Verbose);

        WriteEverything(host);

        Assert.DoesNotContain(Escape, output.ToString(), StringComparison.Ordinal);
        Assert.Equal(["debug", "info", "warn", "error"], Lines().Take(4));
    }

    [Fact]
    public void ConsoleHost_colors_errors_red_and_warnings_yellow()
    {
        var host = CreateHost(useColors: true);

        host.Write(LogLevel.Error, "error");
        host.Write(LogLevel.Warning, "warn");
        host.Write(LogLevel.Information, "info");

        Assert.Equal([$"{Escape}[31merror{Escape}[0m", $"{Escape}[33mwarn{Escape}[0m", "info"], Lines());
    }

    [Fact]
    public void ConsoleHost_colors_debug_messages_grey()
    {
        var host = CreateHost(useColors: true, Verbosity.Verbose);

        host.Write(LogLevel.Debug, "debug");

        Assert.Equal([$"{Escape}[90mdebug{Escape}[0m"], Lines());
    }

    [Fact]
    public void ConsoleHost_writes_a_target_header_in_bold_cyan_with_a_rule()
    {
        var host = CreateHost(useColors: true);

        host.BeginTarget("Compile");

        Assert.Equal([string.Empty, $"{Escape}[1;36mCompile{Escape}[0m", new string('─', 40)], Lines());
    }

    [Fact]
    public void ConsoleHost_colors_the_outcome_line_of_the_summary()
    {
        var host = CreateHost(useColors: true);

        host.WriteSummary(new BuildSummary([], TimeSpan.Zero, wasInterrupted: false));
        host.WriteSummary(new BuildSummary([new TargetResult("Test") { Status = TargetStatus.Failed }], TimeSpan.Zero, wasInterrupted: false));

        Assert.Contains($"{Escape}[32mBuild succeeded in < 1s.{Escape}[0m", Lines());
        Assert.Contains($"{Escape}[31mBuild failed in < 1s: Test failed.{Escape}[0m", Lines());
    }

    [Fact]
    public void ConsoleHost_colors_an_error_diagnostic_in_tool_output()
    {
        var host = CreateHost(useColors: true);

        host.WriteToolOutput("A.cs(1,1): error CS0001: x");
        host.WriteToolOutput("A.cs(1,1): warning CS0002: y");
        host.WriteToolOutput("Build succeeded.");

        Assert.Equal([$"{Escape}[31mA.cs(1,1): error CS0001: x{Escape}[0m", $"{Escape}[33mA.cs(1,1): warning CS0002: y{Escape}[0m", "Build succeeded."], Lines());
    }

    [Fact]
    public void ConsoleHost_shows_only_errors_when_quiet()
    {
        var host = CreateHost(useColors: false, Verbosity.Quiet);

        WriteEverything(host);

        Assert.Equal(["error"], Lines());
    }

    [Fact]
    public void ConsoleHost_shows_warnings_and_errors_when_minimal()
    {
        var host = CreateHost(useColors: false, Verbosity.Minimal);

        WriteEverything(host);

        Assert.Equal(["warn", "error"], Lines());
    }

    [Fact]
    public void ConsoleHost_hides_debug_messages_at_normal_verbosity()
    {
        var host = CreateHost(useColors: false, Verbosity.Normal);

        WriteEverything(host);

        Assert.Equal(["info", "warn", "error", "tool line"], Lines());
    }

    [Fact]
    public void ConsoleHost_shows_debug_messages_when_verbose()
    {
        var host = CreateHost(useColors: false, Verbosity.Verbose);

        WriteEverything(host);

        Assert.Equal(["debug", "info", "warn", "error", "tool line"], Lines());
    }

    [Fact]
    public void ConsoleHost_prints_the_summary_even_when_quiet()
    {
        var host = CreateHost(useColors: false, Verbosity.Quiet);

        host.WriteSummary(new BuildSummary([new TargetResult("Compile") { Status = TargetStatus.Succeeded }], TimeSpan.Zero, wasInterrupted: false));

        Assert.Contains("Compile  Succeeded      < 1s", Lines());
    }

    [Fact]
    public void ConsoleHost_writes_each_line_of_a_multi_line_message()
    {
        var host = CreateHost(useColors: true);

        host.Write(LogLevel.Error, "first\r\nsecond");

        Assert.Equal([$"{Escape}[31mfirst{Escape}[0m", $"{Escape}[31msecond{Escape}[0m"], Lines());
    }

    [Fact]
    public void ConsoleHost_notes_a_failed_target_after_its_output()
    {
        var host = CreateHost(useColors: false);

        host.EndTarget(new TargetResult("Test") { Status = TargetStatus.Failed });
        host.EndTarget(new TargetResult("Compile") { Status = TargetStatus.Succeeded });

        Assert.Equal(["Test failed."], Lines());
    }

    [Fact]
    public void ConsoleHost_writes_an_error_at_a_line_as_file_line_title_and_message()
    {
        var host = CreateHost(useColors: false, Verbosity.Quiet);

        host.WriteError("Assert.True() Failure", "tests/ATests.cs", 42, "ATests.Works");
        host.WriteError("Timed out", file: null, line: null, "ATests.Hangs");
        host.WriteError("Broken", "tests/B.csproj", line: null, title: null);

        Assert.Equal(["tests/ATests.cs(42): ATests.Works: Assert.True() Failure", "ATests.Hangs: Timed out", "tests/B.csproj: Broken"], Lines());
    }

    [Fact]
    public void ConsoleHost_ignores_the_step_summary()
    {
        var host = CreateHost(useColors: false);

        host.AppendStepSummary("# Coverage");

        Assert.Equal(string.Empty, output.ToString());
    }

    [Fact]
    public void ConsoleHost_uses_no_colors_when_no_color_is_set()
    {
        Assert.False(ConsoleHost.ShouldUseColors(new Dictionary<string, string> { ["NO_COLOR"] = "1" }));
    }

    private ConsoleHost CreateHost(bool useColors, Verbosity verbosity = Verbosity.Normal) =>
        new(output, new SecretMasker(), useColors) { Verbosity = verbosity };

    private static void WriteEverything(OutputHost host)
    {
        host.Write(LogLevel.Debug, "debug");
        host.Write(LogLevel.Information, "info");
        host.Write(LogLevel.Warning, "warn");
        host.Write(LogLevel.Error, "error");
        host.WriteToolOutput("tool line");
    }

    private List<string> Lines() => output.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n').ToList();
}
