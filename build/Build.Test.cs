using Kiln;
using Kiln.Testing;
using Kiln.Tooling;

/// <summary>The test tiers: each runs its project and reports its counts; Test adds them up.</summary>
partial class Build
{
    static AbsolutePath TestResultsDirectory => ArtifactsDirectory / "test-results";

    readonly List<TestCounts> testRuns = [];

    Target UnitTest => _ => _
        .Description("Runs the unit tests (tests/Kiln.UnitTests): no processes, no network.")
        .DependsOn(Compile)
        .Produces("artifacts/test-results/Kiln.UnitTests.trx")
        .ProceedAfterFailure()
        .Executes(() => RunTestsAsync("Kiln.UnitTests"));

    Target IntegrationTest => _ => _
        .Description("Runs the integration tests (tests/Kiln.IntegrationTests): real dotnet, real build.sh.")
        .DependsOn(Compile)
        .Produces("artifacts/test-results/Kiln.IntegrationTests.trx")
        .ProceedAfterFailure()
        .Executes(async cancellationToken =>
        {
            // The workflow tests validate with real validators from npm, pinned in build/node.
            var nodeTools = await NodePackages.EnsureInstalledAsync(RootDirectory / "build" / "node", TemporaryDirectory / "node", cancellationToken);
            await RunTestsAsync("Kiln.IntegrationTests", new Dictionary<string, string?> { ["KILN_NODE_TOOLS"] = nodeTools });
        });

    Target SystemTest => _ => _
        .Description("Runs the system tests (tests/Kiln.SystemTests): ci.yml rehearsed on fresh local runners.")
        .DependsOn(Compile)
        .Produces("artifacts/test-results/Kiln.SystemTests.trx")
        .ProceedAfterFailure()
        .Executes(() => RunTestsAsync(
            "Kiln.SystemTests",
            // Inside a rehearsal, the system-test job must not start another rehearsal.
            filter: Environment.GetEnvironmentVariable("KILN_REHEARSAL") == "1" ? "Category!=Rehearsal" : null));

    Target Test => _ => _
        .Description("Runs every test tier and prints the total counts.")
        .DependsOn(UnitTest, IntegrationTest, SystemTest)
        .AssuredAfterFailure()
        .Executes(() =>
        {
            var total = testRuns.Aggregate(TestCounts.None, TestCounts.Add);
            ReportSummary(total.ToString());
            Log.Information($"tests: {total}");
        });

    async Task RunTestsAsync(string project, IReadOnlyDictionary<string, string?>? environment = null, string? filter = null)
    {
        var resultsFile = TestResultsDirectory / $"{project}.trx";
        Directory.CreateDirectory(TestResultsDirectory);
        File.Delete(resultsFile);
        try
        {
            await DotNet.TestAsync(new()
            {
                Project = RootDirectory / "tests" / project / $"{project}.csproj",
                Configuration = Configuration.ToString(),
                NoBuild = true,
                ResultsDirectory = TestResultsDirectory,
                Loggers = [$"trx;LogFileName={project}.trx", "console;verbosity=minimal"],
                Environment = environment ?? new Dictionary<string, string?>(),
                Filter = filter,
            });
        }
        finally
        {
            if (File.Exists(resultsFile))
            {
                var counts = TestCounts.FromTrx(resultsFile);
                testRuns.Add(counts);
                ReportSummary(counts.ToString());
            }
        }
    }
}
