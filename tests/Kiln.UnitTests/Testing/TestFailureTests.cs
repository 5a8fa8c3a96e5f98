using Kiln.Testing;

namespace Kiln.UnitTests.Testing;

public sealed class TestFailureTests : IDisposable
{
    private const string Root = "/repo";

    private readonly string path = Path.Combine(Path.GetTempPath(), "kiln-failures-" + Guid.NewGuid().ToString("N") + ".trx");

    public void Dispose() => File.Delete(path);

    [Fact]
    public void TestFailure_takes_file_and_line_from_the_first_stack_frame_inside_the_repository()
    {
        var failure = TestFailure.Create(
            "Kiln.UnitTests.ATests.Adds",
            "Assert.Equal() Failure",
            """
               at Xunit.Assert.Equal[T](T expected, T actual) in /_/src/xunit.assert/Asserts/EqualityAsserts.cs:line 120
               at Kiln.Planner.Order() in /elsewhere/Planner.cs:line 7
               at Kiln.UnitTests.ATests.Check(Int32 value) in /repo/tests/Kiln.UnitTests/ATests.cs:line 42
               at Kiln.UnitTests.ATests.Adds() in /repo/tests/Kiln.UnitTests/ATests.cs:line 17
            """,
            Root);

        Assert.Equal(new TestFailure("Kiln.UnitTests.ATests.Adds", "Assert.Equal() Failure", "tests/Kiln.UnitTests/ATests.cs", 42), failure);
    }

    [Fact]
    public void TestFailure_has_no_location_when_no_frame_has_a_source_file()
    {
        var failure = TestFailure.Create(
            "ATests.Throws",
            "System.InvalidOperationException : no",
            "   at Kiln.Executor.Run()\n   at System.Threading.Tasks.Task.Execute()",
            Root);

        Assert.Null(failure.File);
        Assert.Null(failure.Line);
    }

    [Fact]
    public void TestFailure_has_no_location_without_a_stack_trace()
    {
        var failure = TestFailure.Create("ATests.Hangs", "The test timed out.", stackTrace: null, Root);

        Assert.Equal(new TestFailure("ATests.Hangs", "The test timed out.", null, null), failure);
    }

    [Fact]
    public void TestFailure_ignores_frames_in_a_folder_that_only_starts_like_the_root()
    {
        var failure = TestFailure.Create("ATests.Works", "failed", "   at A.B() in /repository/A.cs:line 3", Root);

        Assert.Null(failure.File);
    }

    [Fact]
    public void TestFailure_reads_deterministic_build_paths_to_files_of_the_repository_as_relative_to_the_root()
    {
        var root = Directory.CreateTempSubdirectory("kiln-failures-root-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "tests"));
            File.WriteAllText(Path.Combine(root, "tests", "ATests.cs"), "// the test");

            var failure = TestFailure.Create(
                "ATests.Works",
                "failed",
                "   at Xunit.Assert.True() in /_/src/xunit.assert/Asserts/BooleanAsserts.cs:line 40\r\n   at ATests.Works() in /_/tests/ATests.cs:line 9\r\n",
                root);

            Assert.Equal(("tests/ATests.cs", 9), (failure.File, failure.Line));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void TestFailure_keeps_the_first_non_empty_line_of_the_message()
    {
        var failure = TestFailure.Create("ATests.Works", "\r\n  Assert.Equal() Failure: Strings differ  \r\nExpected: \"a\"\r\nActual:   \"b\"", null, Root);

        Assert.Equal("Assert.Equal() Failure: Strings differ", failure.Message);
    }

    [Fact]
    public void TestFailure_says_so_when_the_test_failed_without_a_message()
    {
        var failure = TestFailure.Create("ATests.Works", message: null, stackTrace: null, Root);

        Assert.Equal("The test failed without a message.", failure.Message);
    }

    [Fact]
    public void TestFailure_reads_the_failed_tests_of_a_trx_file_and_skips_the_others()
    {
        File.WriteAllText(path, """
            <?xml version="1.0" encoding="utf-8"?>
            <TestRun id="1" name="run" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
              <Results>
                <UnitTestResult testName="ATests.Passes" outcome="Passed" />
                <UnitTestResult testName="ATests.Fails" outcome="Failed">
                  <Output>
                    <ErrorInfo>
                      <Message>Assert.True() Failure
            Expected: True</Message>
                      <StackTrace>   at ATests.Fails() in /repo/tests/ATests.cs:line 12</StackTrace>
                    </ErrorInfo>
                  </Output>
                </UnitTestResult>
                <UnitTestResult testName="ATests.Skipped" outcome="NotExecuted" />
                <UnitTestResult testName="ATests.Hangs" outcome="Timeout">
                  <Output><ErrorInfo><Message>The test timed out.</Message></ErrorInfo></Output>
                </UnitTestResult>
              </Results>
              <ResultSummary outcome="Failed"><Counters passed="1" failed="1" timeout="1" notExecuted="1" /></ResultSummary>
            </TestRun>
            """);

        var failures = TestFailure.FromTrx(path, Root);

        Assert.Equal(
            [
                new TestFailure("ATests.Fails", "Assert.True() Failure", "tests/ATests.cs", 12),
                new TestFailure("ATests.Hangs", "The test timed out.", null, null),
            ],
            failures);
    }

    [Fact]
    public void TestFailure_reads_no_failures_from_a_trx_file_without_results()
    {
        File.WriteAllText(path, """<TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010"><ResultSummary outcome="Completed" /></TestRun>""");

        Assert.Empty(TestFailure.FromTrx(path, Root));
    }
}
