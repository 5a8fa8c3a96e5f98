using Kiln;
using Kiln.Components;
using Kiln.Testing;
using Kiln.Tooling;

/// <summary>The system tests' sample: restore, compile, unit tests with results and coverage in artifacts/, and Scan (IScan).</summary>
partial class Build : KilnBuild, IScan
{
    public static int Main() => Execute<Build>(x => x.Compile);

    static AbsolutePath Solution => RootDirectory / "Sample.sln";

    public AbsolutePath ScanSolution => Solution;

    public IReadOnlyDictionary<string, string> LicenseExceptions { get; } = new Dictionary<string, string>
    {
        ["xunit.abstractions"] = "Apache-2.0: its nuspec names only a licenseUrl, xunit's license.txt.",
    };

    static AbsolutePath TestResultsDirectory => RootDirectory / "artifacts" / "test-results";

    static AbsolutePath CoverageDirectory => RootDirectory / "artifacts" / "coverage";

    Target Restore => _ => _
        .Description("Restores the NuGet packages of the solution.")
        .Executes(() => DotNet.RestoreAsync(new() { Project = Solution }));

    Target Compile => _ => _
        .Description("Compiles the solution.")
        .DependsOn(Restore)
        .DependentFor<IScan>(x => x.Scan)
        .Executes(() => DotNet.BuildAsync(new()
        {
            Project = Solution,
            Configuration = "Debug",
            NoRestore = SucceededTargets.Contains(nameof(Restore)),
        }));

    Target UnitTest => _ => _
        .Description("Runs the unit tests with a TRX report and Cobertura coverage.")
        .DependsOn(Compile)
        .Produces("artifacts/test-results/Sample.Tests.trx", "artifacts/coverage/coverage.cobertura.xml")
        .Executes(async cancellationToken =>
        {
            // Only this run's results, so that nothing stale is reported.
            foreach (var folder in new[] { TestResultsDirectory, CoverageDirectory })
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }

            var resultsFile = TestResultsDirectory / "Sample.Tests.trx";
            try
            {
                await DotNet.TestAsync(
                    new()
                    {
                        Project = RootDirectory / "tests" / "Sample.Tests" / "Sample.Tests.csproj",
                        Configuration = "Debug",
                        NoBuild = true,
                        ResultsDirectory = TestResultsDirectory,
                        Loggers = ["trx;LogFileName=Sample.Tests.trx"],
                        Collectors = ["XPlat Code Coverage"],
                    },
                    cancellationToken);
            }
            finally
            {
                if (File.Exists(resultsFile))
                {
                    ReportSummary(TestCounts.FromTrx(resultsFile).ToString());
                }

                MoveCoverage();
            }
        });

    /// <summary>coverlet writes results-directory/&lt;guid&gt;/coverage.cobertura.xml; the one report goes to artifacts/coverage.</summary>
    static void MoveCoverage()
    {
        if (!Directory.Exists(TestResultsDirectory))
        {
            return;
        }

        foreach (var report in Directory.GetFiles(TestResultsDirectory, "coverage.cobertura.xml", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(CoverageDirectory);
            File.Move(report, CoverageDirectory / "coverage.cobertura.xml", overwrite: true);
            Directory.Delete(Path.GetDirectoryName(report)!, recursive: true);
        }
    }
}
