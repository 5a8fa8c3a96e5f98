using Kiln;
using Kiln.GitHubActions;
using Kiln.Services;
using Kiln.Testing;
using Kiln.Tooling;

/// <summary>
/// The test tiers: each runs its project with coverage and a hang timeout, and reports its counts and failed tests;
/// Test adds the counts up, merges the coverage into artifacts/coverage and holds it to the threshold.
/// </summary>
partial class Build
{
    [Parameter("Lowest merged line coverage, in percent, that Test accepts (report: artifacts/coverage/index.html).")]
    readonly double CoverageThreshold = 80;

    // The longest test here runs for seconds; ten minutes is far past that, and short of the CI job's 30-minute limit,
    // so a hung test fails with its dump before GitHub cancels the job.
    [Parameter("How long one test may run (hh:mm:ss) before it fails as hung, with a mini dump in artifacts/test-results.")]
    readonly TimeSpan TestHangTimeout = TimeSpan.FromMinutes(10);

    // A system test's fixture builds whole repositories (the rehearsal runs every job of ci.yml, Publish runs twice),
    // and the first test of its class waits for it: on two busy cores that is longer than ten minutes.
    [Parameter("How long one system test, with its fixture, may run (hh:mm:ss) before it fails as hung.")]
    readonly TimeSpan SystemTestHangTimeout = TimeSpan.FromMinutes(45);

    static AbsolutePath TestResultsDirectory => ArtifactsDirectory / "test-results";

    static AbsolutePath CoverageDirectory => ArtifactsDirectory / "coverage";

    static AbsolutePath RawCoverageDirectory => CoverageDirectory / "raw";

    /// <summary>The test project of each tier, in the order Test reports them.</summary>
    static readonly string[] TestProjects = ["Kiln.UnitTests", "Kiln.IntegrationTests", "Kiln.SystemTests"];

    static AbsolutePath ResultsFile(string project) => TestResultsDirectory / $"{project}.trx";

    static AbsolutePath RawCoverageFile(string project) => RawCoverageDirectory / $"{project}.cobertura.xml";

    /// <summary>
    /// What a tier's results depend on: every file of the repository but build output, scratch and the node tools
    /// (the integration and system tests drive build.sh, the workflows and whole clones, so any file may matter).
    /// When none changed, nor a parameter, and the tier's results are there, the tier is UpToDate and Test reports
    /// the results it left; --force UnitTest (or a bare --force) runs it anyway.
    /// </summary>
    static readonly string[] TierInputs =
        ["**/*", "!**/bin/**", "!**/obj/**", "!artifacts/**", "!.nuke/temp/**", "!.git/**", "!**/node_modules/**", "!**/TestResults/**"];

    /// <summary>What a tier leaves for Test (and, on CI, hands to the test job): its TRX, its coverage, any hang dump.</summary>
    static string[] TierOutputs(string project) => [.. TierResults(project), $"artifacts/test-results/{project}/**/*.dmp"];

    /// <summary>The results a tier must leave to be up to date: its TRX and its coverage.</summary>
    static string[] TierResults(string project) => [$"artifacts/test-results/{project}.trx", $"artifacts/coverage/raw/{project}.cobertura.xml"];

    Target UnitTest => _ => _
        .Description("Runs the unit tests (tests/Kiln.UnitTests): no processes, no network.")
        .DependsOn(Compile)
        .Produces(TierOutputs("Kiln.UnitTests"))
        .Inputs(TierInputs)
        .Outputs(TierResults("Kiln.UnitTests"))
        .ProceedAfterFailure()
        .Executes(() => RunTestsAsync("Kiln.UnitTests"));

    Target IntegrationTest => _ => _
        .Description("Runs the integration tests (tests/Kiln.IntegrationTests): real git, dotnet, build.sh and Azurite.")
        .DependsOn(Compile)
        .Produces(TierOutputs("Kiln.IntegrationTests"))
        .Inputs(TierInputs)
        .Outputs(TierResults("Kiln.IntegrationTests"))
        .ProceedAfterFailure()
        .Executes(async cancellationToken =>
        {
            // The workflow tests validate with real validators from npm, and the storage tests talk to a real Azurite
            // (Blob service), both pinned in build/node. Azurite stops when the tests end, pass or fail, or on Ctrl-C.
            var nodeTools = await NodePackages.EnsureInstalledAsync(RootDirectory / "build" / "node", TemporaryDirectory / "node", cancellationToken);
            await using var azurite = await Azurite.StartAsync(nodeTools, cancellationToken);
            await RunTestsAsync("Kiln.IntegrationTests", new Dictionary<string, string?>
            {
                ["KILN_NODE_TOOLS"] = nodeTools,
                ["KILN_AZURITE_BLOB_ENDPOINT"] = azurite.BlobEndpoint.AbsoluteUri,
                ["KILN_AZURITE_CONNECTION_STRING"] = azurite.ConnectionString,
            });
        });

    // Locally the tiers run at the same time where they can (--max-parallel): UnitTest is light (no processes) and
    // overlaps anything, Scan and Restore/Version likewise. SystemTest waits for IntegrationTest: each alone keeps two
    // cores busy (the rehearsal runs ~7 jobs at once, IntegrationTest many dotnet processes and Azurite), and together
    // they would push single tests past their hang timeouts. The tiers write no file in common (each its own TRX,
    // coverage and results folder; dotnet test --no-build reads its own bin; the samples compile Kiln into their own
    // temporary folders). After orders only: on CI each tier stays a job of its own, with no needs: between them.
    [GitHubActionsJob(TimeoutMinutes = 60)]
    Target SystemTest => _ => _
        .Description("Runs the system tests (tests/Kiln.SystemTests): sample repositories, Publish end to end, ci.yml rehearsed on fresh runners.")
        .DependsOn(Compile)
        .After(IntegrationTest)
        .Produces(TierOutputs("Kiln.SystemTests"))
        .Inputs(TierInputs)
        .Outputs(TierResults("Kiln.SystemTests"))
        .ProceedAfterFailure()
        .Executes(() => RunTestsAsync(
            "Kiln.SystemTests",
            // Inside a rehearsal, the system-test job must not start another rehearsal.
            filter: Environment.GetEnvironmentVariable("KILN_REHEARSAL") == "1" ? "Category!=Rehearsal" : null,
            hangTimeout: SystemTestHangTimeout));

    // Test reads what the tiers left in artifacts/ rather than remembering it, so that on CI, where each tier is a job of
    // its own, the test job can report on the files it downloaded: counts from the TRX files, coverage from the raw files.
    Target Test => _ => _
        .Description("Runs every test tier, merges their coverage into artifacts/coverage, and prints the total counts.")
        .DependsOn(UnitTest, IntegrationTest, SystemTest)
        .Consumes(UnitTest)
        .Consumes(IntegrationTest)
        .Consumes(SystemTest)
        .Produces("artifacts/coverage/**")
        .AssuredAfterFailure()
        .Executes(async cancellationToken =>
        {
            var total = TestCounts.None;
            foreach (var project in TestProjects)
            {
                if (File.Exists(ResultsFile(project)))
                {
                    total += TestCounts.FromTrx(ResultsFile(project));
                }
                else
                {
                    Log.Warning($"{project} left no results ({ResultsFile(project).RelativeTo(RootDirectory)}): its tests did not run to the end, so the counts leave them out.");
                }
            }

            CoverageReport? coverage = null;
            try
            {
                coverage = await MergeCoverageAsync(cancellationToken);
            }
            finally
            {
                // The counts stay the last line of Test's own output, whatever the coverage did (.ci/run repeats it).
                ReportSummary(coverage is null ? total.ToString() : $"{total}, line coverage {coverage.LineCoverageText}");
                Log.Information($"tests: {total}");
            }

            // On CI the tiers are other jobs: Test must fail by itself, or the jobs after it would ship untested code.
            if (total.Failed > 0)
            {
                throw new KilnException($"{total.Failed} test(s) failed: see the errors above and the TRX files in {TestResultsDirectory.RelativeTo(RootDirectory)}.");
            }

            if (coverage is not null)
            {
                new CoverageGate(CoverageThreshold).Check(coverage.LineCoverage);
            }
        });

    /// <summary>Merges the tiers' coverage into artifacts/coverage; null when no tier collected any.</summary>
    async Task<CoverageReport?> MergeCoverageAsync(CancellationToken cancellationToken)
    {
        var coverageFiles = TestProjects.Select(project => (string)RawCoverageFile(project)).Where(File.Exists).ToList();
        if (coverageFiles.Count == 0)
        {
            Log.Warning("No test tier collected coverage, so there is no coverage report.");
            return null;
        }

        // Only this run's pages: the previous report's files go, the raw coverage of each tier stays.
        Directory.CreateDirectory(CoverageDirectory);
        foreach (var file in Directory.EnumerateFiles(CoverageDirectory))
        {
            File.Delete(file);
        }

        var coverage = await CoverageReport.CreateAsync(coverageFiles, CoverageDirectory, RootDirectory, cancellationToken);
        AppendStepSummary(await File.ReadAllTextAsync(coverage.MarkdownSummaryFile, cancellationToken));
        Log.Information($"coverage: {coverage.LineCoverageText} of lines ({AbsolutePath.Create(coverage.HtmlFile).RelativeTo(RootDirectory)})");
        return coverage;
    }

    async Task RunTestsAsync(string project, IReadOnlyDictionary<string, string?>? environment = null, string? filter = null, TimeSpan? hangTimeout = null)
    {
        // The TRX goes beside the other tiers'; coverage and hang dumps into this tier's own folder, emptied first,
        // so that the coverage found there afterwards is this run's.
        var resultsFile = ResultsFile(project);
        var runDirectory = TestResultsDirectory / project;
        var rawCoverage = RawCoverageFile(project);
        Directory.CreateDirectory(TestResultsDirectory);
        Directory.CreateDirectory(RawCoverageDirectory);
        File.Delete(resultsFile);
        File.Delete(rawCoverage);
        if (Directory.Exists(runDirectory))
        {
            Directory.Delete(runDirectory, recursive: true);
        }

        try
        {
            await DotNet.TestAsync(new()
            {
                Project = RootDirectory / "tests" / project / $"{project}.csproj",
                Configuration = Configuration.ToString(),
                NoBuild = true,
                ResultsDirectory = runDirectory,
                Loggers = [$"trx;LogFileName={resultsFile}", "console;verbosity=minimal"],
                Collectors = ["XPlat Code Coverage"],
                Settings = RootDirectory / "tests" / "coverage.runsettings",
                BlameHangTimeout = hangTimeout ?? TestHangTimeout,
                BlameHangDumpType = "mini",
                Environment = environment ?? new Dictionary<string, string?>(),
                Filter = filter,
            });
        }
        finally
        {
            if (File.Exists(resultsFile))
            {
                ReportSummary(TestCounts.FromTrx(resultsFile).ToString());
                foreach (var failure in TestFailure.FromTrx(resultsFile, RootDirectory))
                {
                    Log.Error(failure.Message, failure.File, failure.Line, failure.TestName);
                }
            }

            // The collector writes <results>/<guid>/coverage.cobertura.xml (the TRX logger copies it into another folder, deeper down).
            var collected = Directory.Exists(runDirectory)
                ? Directory.EnumerateDirectories(runDirectory).Select(folder => Path.Combine(folder, "coverage.cobertura.xml")).FirstOrDefault(File.Exists)
                : null;
            if (collected is not null)
            {
                File.Move(collected, rawCoverage, overwrite: true);
            }
        }
    }
}
