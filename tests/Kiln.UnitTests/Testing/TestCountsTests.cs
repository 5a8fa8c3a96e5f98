using Kiln.Testing;

namespace Kiln.UnitTests.Testing;

public sealed class TestCountsTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), "kiln-counts-" + Guid.NewGuid().ToString("N") + ".trx");

    public void Dispose() => File.Delete(path);

    [Fact]
    public void TestCounts_reads_passed_failed_and_not_executed_from_a_trx_file()
    {
        WriteTrx("""<Counters total="6" executed="4" passed="3" failed="1" error="0" timeout="0" aborted="0" notExecuted="2" />""");

        Assert.Equal(new TestCounts(3, 1, 2), TestCounts.FromTrx(path));
    }

    [Fact]
    public void TestCounts_counts_tests_that_did_not_execute_as_skipped_when_dotnet_test_leaves_notExecuted_at_zero()
    {
        // dotnet test's TRX logger writes skipped xUnit tests as total minus executed, with notExecuted="0".
        WriteTrx("""<Counters total="359" executed="356" passed="356" failed="0" error="0" timeout="0" aborted="0" notExecuted="0" />""");

        Assert.Equal(new TestCounts(356, 0, 3), TestCounts.FromTrx(path));
    }

    [Fact]
    public void TestCounts_counts_errors_timeouts_and_aborts_as_failures()
    {
        WriteTrx("""<Counters passed="5" failed="1" error="2" timeout="3" aborted="4" />""");

        Assert.Equal(new TestCounts(5, 10, 0), TestCounts.FromTrx(path));
    }

    [Fact]
    public void TestCounts_rejects_a_file_without_a_result_summary()
    {
        File.WriteAllText(path, """<TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010" />""");

        var exception = Assert.Throws<KilnException>(() => TestCounts.FromTrx(path));

        Assert.Equal($"{path} is not a TRX file with a ResultSummary: delete it and run the tests again.", exception.Message);
    }

    [Fact]
    public void TestCounts_reads_as_passed_failed_skipped()
    {
        Assert.Equal("3 passed, 1 failed, 2 skipped", new TestCounts(3, 1, 2).ToString());
    }

    [Fact]
    public void TestCounts_add_up()
    {
        Assert.Equal(new TestCounts(4, 1, 3), new TestCounts(3, 1, 2) + new TestCounts(1, 0, 1));
        Assert.Equal(new TestCounts(3, 1, 2), TestCounts.Add(TestCounts.None, new TestCounts(3, 1, 2)));
    }

    private void WriteTrx(string counters) => File.WriteAllText(path, $"""
        <?xml version="1.0" encoding="utf-8"?>
        <TestRun id="1" name="run" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
          <ResultSummary outcome="Failed">
            {counters}
          </ResultSummary>
        </TestRun>
        """);
}
