using Kiln.Testing;
using Kiln.Tooling;

namespace Kiln.UnitTests.Reporting;

/// <summary>Which TRX files a dotnet test run leaves, so that their counts reach the run record.</summary>
public sealed class TrxRecordingTests
{
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
    public void A_trx_logger_without_a_file_name_or_other_loggers_name_no_file()
    {
        var settings = new DotNetTestSettings { Loggers = ["trx", "console;verbosity=minimal", "html;LogFileName=x.html"] };

        Assert.Empty(TrxRecording.TrxFiles(settings));
    }
}
