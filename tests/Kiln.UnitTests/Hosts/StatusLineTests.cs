using Kiln.Hosts;

namespace Kiln.UnitTests.Hosts;

/// <summary>The status line on a fake terminal: what reaches it, escape codes included.</summary>
public sealed class StatusLineTests : IDisposable
{
    private const string Erase = "\r\u001b[2K";
    private readonly StringWriter terminal = new() { NewLine = "\n" };

    public void Dispose() => terminal.Dispose();

    [Fact]
    public void StatusLine_is_drawn_in_place_and_replaced_by_the_next()
    {
        using var status = new StatusLine(terminal, () => 80);

        status.Show("UnitTest 0:01");
        status.Show("UnitTest 0:02");

        Assert.Equal("UnitTest 0:01" + Erase + "UnitTest 0:02", terminal.ToString());
    }

    [Fact]
    public void StatusLine_is_cleared_before_an_output_line_and_drawn_again_below_it()
    {
        using var status = new StatusLine(terminal, () => 80) { NewLine = "\n" };
        status.Show("UnitTest 0:01");

        status.WriteLine("  Failed A.Divides [3 ms]");
        status.Flush();

        Assert.Equal("UnitTest 0:01" + Erase + "  Failed A.Divides [3 ms]\nUnitTest 0:01", terminal.ToString());
    }

    [Fact]
    public void StatusLine_waits_for_the_end_of_a_line_written_in_pieces()
    {
        using var status = new StatusLine(terminal, () => 80) { NewLine = "\n" };
        status.Show("Pack 0:03");

        status.Write("Restoring");
        status.Flush();
        status.WriteLine(" done");
        status.Flush();

        Assert.Equal("Pack 0:03" + Erase + "Restoring done\nPack 0:03", terminal.ToString());
    }

    [Fact]
    public void StatusLine_is_cut_to_the_terminals_width_so_it_never_wraps()
    {
        using var status = new StatusLine(terminal, () => 20);

        status.Show("UnitTest 0:40 - dotnet test Kiln.UnitTests (running 312 of about 1071)");

        // One column stays free: a character in the last one wraps on some terminals.
        Assert.Equal("UnitTest 0:40 - do…", terminal.ToString());
    }

    [Fact]
    public void StatusLine_cleared_leaves_nothing_behind()
    {
        using var status = new StatusLine(terminal, () => 80) { NewLine = "\n" };
        status.Show("UnitTest 0:01");

        status.Show(null);
        status.WriteLine("Build succeeded");
        status.Flush();

        Assert.Equal("UnitTest 0:01" + Erase + "Build succeeded\n", terminal.ToString());
    }

    [Fact]
    public void ConsoleHost_clears_the_status_line_for_good_before_the_summary()
    {
        var host = new ConsoleHost(terminal, new SecretMasker(), useColors: false, isTerminal: true, showStatus: true, width: () => 80);
        host.ShowStatus("UnitTest 0:05");

        host.WriteSummary(new Kiln.Execution.BuildSummary([], TimeSpan.FromSeconds(5), wasInterrupted: true));

        var text = terminal.ToString();
        Assert.StartsWith("UnitTest 0:05" + Erase, text, StringComparison.Ordinal);
        Assert.Equal(1, text.Split("UnitTest 0:05").Length - 1);
    }

    [Fact]
    public void ConsoleHost_shows_a_status_line_on_a_terminal_only()
    {
        var local = new Dictionary<string, string>(StringComparer.Ordinal) { ["HOME"] = "/home/user" };

        Assert.True(ConsoleHost.ShouldShowStatus(isTerminal: true, local));
        Assert.False(ConsoleHost.ShouldShowStatus(isTerminal: false, local));
        Assert.False(ConsoleHost.ShouldShowStatus(isTerminal: true, new Dictionary<string, string>(local) { ["CI"] = "true" }));
        Assert.False(ConsoleHost.ShouldShowStatus(isTerminal: true, new Dictionary<string, string>(local) { ["GITHUB_ACTIONS"] = "true" }));
        Assert.False(ConsoleHost.ShouldShowStatus(isTerminal: true, new Dictionary<string, string>(local) { ["TERM"] = "dumb" }));
    }

    [Fact]
    public void ConsoleHost_masks_secrets_in_the_status_line_and_hides_it_with_verbosity_quiet()
    {
        var masker = new SecretMasker();
        masker.Add("hunter2");
        var host = new ConsoleHost(terminal, masker, useColors: false, isTerminal: true, showStatus: true, width: () => 80);

        host.ShowStatus("Deploy 0:05 - curl hunter2");
        host.Verbosity = Verbosity.Quiet;
        host.ShowStatus("Deploy 0:06");

        Assert.Equal("Deploy 0:05 - curl ***" + Erase, terminal.ToString());
    }
}
