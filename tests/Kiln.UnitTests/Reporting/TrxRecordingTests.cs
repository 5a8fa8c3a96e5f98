using Kiln.Testing;
using Kiln.Tooling;

namespace Kiln.UnitTests.Reporting;

/// <summary>Which TRX files a dotnet test run leaves, so that their counts reach the run record.</summary>
[Collection("Build runs")]
public sealed class TrxRecordingTests : IDisposable
{
    private readonly TemporaryRoot root = new();

    public void Dispose() => root.Dispose();

    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "kiln-trx");

    [Fact]
    public void An_absolute_trx_log_file_name_is_used_as_it_is()
    {
        var file = Path.Combine(Folder, "unit.trx");
        var settings = new DotNetTestSettings { Loggers = [$"trx;LogFileName={file}", "console;verbosity=minimal"] };

        Assert.Equal([file], TrxRecording.TrxFiles(settings));
    }

    [Fact]
    public void A_relative_trx_log_file_name_is_under_the_results_directory()
    {
        var settings = new DotNetTestSettings { Loggers = ["trx;LogFileName=unit.trx"], ResultsDirectory = Folder };

        Assert.Equal([Path.Combine(Folder, "unit.trx")], TrxRecording.TrxFiles(settings));
    }

    [Fact]
    public void The_testing_platforms_trx_report_is_under_the_results_directory()
    {
        var settings = new DotNetTestSettings { Platform = TestPlatform.MicrosoftTestingPlatform, TrxReportFileName = "unit.trx", ResultsDirectory = Folder };

        Assert.Equal([Path.Combine(Folder, "unit.trx")], TrxRecording.TrxFiles(settings));
    }

    [Fact]
    public void A_trx_logger_without_a_file_name_or_other_loggers_name_no_file()
    {
        var settings = new DotNetTestSettings { Loggers = ["trx", "console;verbosity=minimal", "html;LogFileName=x.html"] };

        Assert.Empty(TrxRecording.TrxFiles(settings));
    }

    [Fact]
    public async Task The_counts_of_a_trx_file_the_run_wrote_go_on_the_running_targets_record()
    {
        var trx = WriteTrx("unit.trx");
        var build = new TestingBuild(new DotNetTestSettings { Loggers = [$"trx;LogFileName={trx}"] }, DateTime.UtcNow.AddMinutes(-1));

        await root.RunAsync(build, ["Test"]);

        var run = Kiln.Reporting.RunJson.Parse(root.ReadFile(Path.Combine("artifacts", "run.json")));
        Assert.Equal(new TestCounts(3, 1, 2), run.Targets.Single().Tests);
        Assert.Equal(new TestCounts(3, 1, 2), run.Tests);
    }

    [Fact]
    public async Task A_trx_file_older_than_the_test_run_is_left_out()
    {
        var trx = WriteTrx("stale.trx");
        var build = new TestingBuild(new DotNetTestSettings { Loggers = [$"trx;LogFileName={trx}"] }, DateTime.UtcNow.AddMinutes(1));

        await root.RunAsync(build, ["Test"]);

        var run = Kiln.Reporting.RunJson.Parse(root.ReadFile(Path.Combine("artifacts", "run.json")));
        Assert.Null(run.Tests);
    }

    private string WriteTrx(string name)
    {
        var path = Path.Combine(root.Path, name);
        File.WriteAllText(path, """
            <TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
              <ResultSummary outcome="Failed"><Counters passed="3" failed="1" notExecuted="2" /></ResultSummary>
            </TestRun>
            """);
        return path;
    }

    /// <summary>A build whose Test target records what a dotnet test run with these settings, started then, left.</summary>
    private sealed class TestingBuild(DotNetTestSettings settings, DateTime startedUtc) : KilnBuild
    {
        public Target Test => _ => _.Executes(() => TrxRecording.Record(settings, startedUtc));
    }
}
