using Kiln.Testing;
using Kiln.Tooling;

namespace Kiln.Components;

/// <summary>What the test tiers and <see cref="ITest.Test"/> do, kept out of the interfaces so that they read as lists of members.</summary>
internal static class TestRun
{
    /// <summary>
    /// A tier's target: its projects' results as outputs, or, when its patterns match no project, left out of the build.
    /// When it runs, it reads the patterns again and runs the projects they select with the tier's settings and services.
    /// </summary>
    public static ITargetDefinition DefineTier(
        ITest build,
        ITargetDefinition target,
        string kind,
        Func<string[]> patterns,
        string member,
        string descriptionEnd,
        Func<DotNetTestSettings, DotNetTestSettings> tierSettings,
        Func<CancellationToken, Task<TestServices>>? startServices = null) =>
        Define(build, target, kind, patterns(), member, descriptionEnd)
            .Executes(cancellationToken => RunTierAsync(build, patterns(), tierSettings, startServices, cancellationToken));

    private static ITargetDefinition Define(ITest build, ITargetDefinition target, string kind, string[] patterns, string member, string descriptionEnd)
    {
        var root = KilnBuild.RootDirectory;
        var projects = TestProjects.Find(build, root, patterns);
        target = target
            .DependsOn<ICompile>(x => x.Compile)
            .Inputs(build.TestInputs)
            .ProceedAfterFailure();
        if (projects.Count == 0)
        {
            return target
                .Description($"Runs the {kind} ({TestProjectConventions.Describe(patterns)}){descriptionEnd}")
                .LeftOut($"no test project matches {TestProjectConventions.Describe(patterns)}: add one, or name this tier's projects in the build (string[] {member} => [\"...\"];).");
        }

        var names = projects.Select(TestProjects.NameOf).ToList();
        return target
            .Description($"Runs the {kind} ({string.Join(", ", projects.Select(project => project.Parent!.RelativeTo(root)))}){descriptionEnd}")
            .Produces([.. names.SelectMany(name => Results(build, name).Append($"{build.TestResultsDirectory.RelativeTo(root)}/{name}/**/*.dmp"))])
            .Outputs([.. names.SelectMany(name => Results(build, name))]);
    }

    public static ITargetDefinition DefineTest(ITest build, ITargetDefinition target)
    {
        target = target
            .Description(build is IReportCoverage
                ? "Runs every test tier, merges their coverage into artifacts/coverage, and prints the total counts."
                : "Runs every test tier and prints the total counts.")
            .DependsOnIfImplemented<IUnitTest>(build, x => x.UnitTest)
            .DependsOnIfImplemented<IIntegrationTest>(build, x => x.IntegrationTest)
            .DependsOnIfImplemented<ISystemTest>(build, x => x.SystemTest)
            .ConsumesIfImplemented<IUnitTest>(build, x => x.UnitTest)
            .ConsumesIfImplemented<IIntegrationTest>(build, x => x.IntegrationTest)
            .ConsumesIfImplemented<ISystemTest>(build, x => x.SystemTest);
        return build is IReportCoverage coverage
            ? target.Produces(coverage.CoverageDirectory.RelativeTo(KilnBuild.RootDirectory) + "/**")
            : target;
    }

    /// <summary>Runs a tier's projects one after another, all of them even when one fails, with the tier's services around them.</summary>
    private static async Task RunTierAsync(
        ITest build,
        string[] patterns,
        Func<DotNetTestSettings, DotNetTestSettings> tierSettings,
        Func<CancellationToken, Task<TestServices>>? startServices,
        CancellationToken cancellationToken)
    {
        var projects = TestProjects.Find(build, KilnBuild.RootDirectory, patterns);
        if (projects.Count == 0)
        {
            throw new KilnException($"No test project matches {TestProjectConventions.Describe(patterns)}: add one, or name this tier's projects in the build (its ...TestProjects member).");
        }

        var services = startServices is null ? TestServices.None : await startServices(cancellationToken).ConfigureAwait(false);
        await using (services.ConfigureAwait(false))
        {
            var failures = new List<KilnException>();
            try
            {
                foreach (var project in projects)
                {
                    try
                    {
                        await RunProjectAsync(build, project, services.Environment, tierSettings, cancellationToken).ConfigureAwait(false);
                    }
                    catch (KilnException exception) when (projects.Count > 1)
                    {
                        failures.Add(exception);
                    }
                }
            }
            finally
            {
                var results = projects.Select(project => ResultsFile(build, TestProjects.NameOf(project))).Where(file => File.Exists(file));
                KilnBuild.ReportSummary(results.Aggregate(TestCounts.None, (counts, file) => counts + TestCounts.FromTrx(file)).ToString());
            }

            if (failures.Count > 0)
            {
                throw new KilnException(string.Join(" ", failures.Select(failure => failure.Message)), failures[0]);
            }
        }
    }

    public static async Task ReportAsync(ITest build, CancellationToken cancellationToken)
    {
        var root = KilnBuild.RootDirectory;
        var total = TestCounts.None;
        var missing = new List<string>();
        foreach (var name in ProjectNames(build))
        {
            var results = ResultsFile(build, name);
            if (File.Exists(results))
            {
                total += TestCounts.FromTrx(results);
            }
            else
            {
                missing.Add($"{name} left no test results ({results.RelativeTo(root)})");
            }
        }

        CoverageReport? coverage = null;
        try
        {
            coverage = build is IReportCoverage reportCoverage ? await MergeCoverageAsync(build, reportCoverage, cancellationToken).ConfigureAwait(false) : null;
        }
        finally
        {
            // The counts stay the last line of Test's own output, whatever the coverage did.
            KilnBuild.ReportSummary(coverage is null ? total.ToString() : $"{total}, line coverage {coverage.LineCoverageText}");
            Log.Information($"tests: {total}");
        }

        // On CI the tiers are other jobs: Test must fail by itself, or the jobs after it would ship untested code.
        if (total.Failed > 0)
        {
            throw new KilnException($"{total.Failed} test(s) failed: see the errors above and the TRX files in {build.TestResultsDirectory.RelativeTo(root)}.");
        }

        // No results is no evidence: a tier that crashed, or never ran here, must not pass as zero failures.
        if (missing.Count > 0)
        {
            throw new KilnException($"{string.Join("; ", missing)}: its tests did not run to the end; see the tier's errors above, or run the tier again.");
        }

        if (coverage is not null && build is IReportCoverage gate)
        {
            new CoverageGate(gate.CoverageThreshold).Check(coverage.LineCoverage);
        }
    }

    /// <summary>The projects of every tier the build has, in the order Test reports them.</summary>
    private static IEnumerable<string> ProjectNames(ITest build)
    {
        var patterns = new List<string[]>();
        if (build is IUnitTest unit)
        {
            patterns.Add(unit.UnitTestProjects);
        }

        if (build is IIntegrationTest integration)
        {
            patterns.Add(integration.IntegrationTestProjects);
        }

        if (build is ISystemTest system)
        {
            patterns.Add(system.SystemTestProjects);
        }

        return patterns.SelectMany(tier => TestProjects.Find(build, KilnBuild.RootDirectory, tier)).Select(TestProjects.NameOf).Distinct(StringComparer.Ordinal);
    }

    private static IEnumerable<string> Results(ITest build, string name)
    {
        var root = KilnBuild.RootDirectory;
        yield return ResultsFile(build, name).RelativeTo(root);
        if (build is IReportCoverage coverage)
        {
            yield return RawCoverageFile(coverage, name).RelativeTo(root);
        }
    }

    private static AbsolutePath ResultsFile(ITest build, string name) => build.TestResultsDirectory / $"{name}.trx";

    private static AbsolutePath RawCoverageFile(IReportCoverage build, string name) => build.CoverageDirectory / "raw" / $"{name}.cobertura.xml";

    private static async Task RunProjectAsync(
        ITest build,
        AbsolutePath project,
        IReadOnlyDictionary<string, string?> environment,
        Func<DotNetTestSettings, DotNetTestSettings> tierSettings,
        CancellationToken cancellationToken)
    {
        // The TRX goes beside the other projects'; coverage and hang dumps into this project's own folder, emptied first,
        // so that the coverage found there afterwards is this run's.
        var root = KilnBuild.RootDirectory;
        var name = TestProjects.NameOf(project);
        var resultsFile = ResultsFile(build, name);
        var runDirectory = build.TestResultsDirectory / name;
        var coverage = build as IReportCoverage;
        var rawCoverage = coverage is null ? null : RawCoverageFile(coverage, name);
        Directory.CreateDirectory(build.TestResultsDirectory);
        var expected = PreviousCount(resultsFile);
        File.Delete(resultsFile);
        if (rawCoverage is not null)
        {
            Directory.CreateDirectory(rawCoverage.Parent!);
            File.Delete(rawCoverage);
        }

        if (Directory.Exists(runDirectory))
        {
            Directory.Delete(runDirectory, recursive: true);
        }

        var testProject = DotNetTestProject.Read(project, root);
        var settings = tierSettings(build.TestSettings(testProject.Platform == TestPlatform.VSTest
            ? new()
            {
                Project = project,
                Configuration = build.Configuration.ToString(),
                NoBuild = true,
                ResultsDirectory = runDirectory,
                Loggers = [$"trx;LogFileName={resultsFile}", "console;verbosity=normal"],
                ExpectedTestCount = expected,
                Collectors = coverage is null ? [] : ["XPlat Code Coverage"],
                Settings = coverage?.CoverageSettingsFile is { } runSettings ? (string)runSettings : null,
                BlameHangTimeout = build.TestHangTimeout,
                BlameHangDumpType = "mini",
                Environment = environment,
            }
            : TestingPlatformSettings(build, testProject, runDirectory, coverage is not null, environment)));
        try
        {
            await DotNet.TestAsync(settings, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Microsoft.Testing.Platform writes its report into the results directory; it joins the other projects' there.
            var report = runDirectory / $"{name}.trx";
            if (testProject.Platform == TestPlatform.MicrosoftTestingPlatform && File.Exists(report))
            {
                File.Move(report, resultsFile, overwrite: true);
            }

            if (File.Exists(resultsFile))
            {
                foreach (var failure in TestFailure.FromTrx(resultsFile, root))
                {
                    Log.Error(failure.Message, failure.File, failure.Line, failure.TestName);
                }
            }

            var collected = rawCoverage is not null ? CollectedCoverage(runDirectory, testProject.Platform) : null;
            if (collected is not null)
            {
                File.Move(collected, rawCoverage!, overwrite: true);
            }
        }
    }

    /// <summary>
    /// How many tests the project's last run counted (its TRX, about to be replaced): the heartbeat's "of about" total.
    /// Null without one, or when it cannot be read.
    /// </summary>
    private static int? PreviousCount(AbsolutePath resultsFile)
    {
        try
        {
            return File.Exists(resultsFile) && TestCounts.FromTrx(resultsFile) is var counts
                ? counts.Passed + counts.Failed + counts.Skipped
                : null;
        }
        catch (Exception exception) when (exception is KilnException or IOException or System.Xml.XmlException)
        {
            return null;
        }
    }

    /// <summary>
    /// The switches of the extensions the project references: Kiln counts from the TRX report, so that one is required;
    /// the hang dump and coverage go along when their extension is there.
    /// </summary>
    private static DotNetTestSettings TestingPlatformSettings(
        ITest build, DotNetTestProject project, AbsolutePath runDirectory, bool collectCoverage, IReadOnlyDictionary<string, string?> environment)
    {
        var name = TestProjects.NameOf(AbsolutePath.Create(project.Path));
        if (!project.References(DotNetTestProject.TrxReportPackage))
        {
            throw new KilnException(
                $"{name} runs on Microsoft.Testing.Platform without {DotNetTestProject.TrxReportPackage}, so its tests cannot be counted: add a PackageReference to it in {Path.GetFileName(project.Path)}.");
        }

        if (collectCoverage && project.CoverageExtension == TestCoverageExtension.None)
        {
            Log.Warning($"{name} runs on Microsoft.Testing.Platform without a coverage extension, so it collects no coverage: add a PackageReference to {DotNetTestProject.CoverletPackage} or {DotNetTestProject.CodeCoveragePackage}.");
        }

        var hangDump = project.References(DotNetTestProject.HangDumpPackage);
        return new()
        {
            Platform = TestPlatform.MicrosoftTestingPlatform,
            Project = project.Path,
            Configuration = build.Configuration.ToString(),
            NoBuild = true,
            ResultsDirectory = runDirectory,
            TrxReportFileName = $"{name}.trx",
            HangDumpTimeout = hangDump ? build.TestHangTimeout : null,
            HangDumpType = hangDump ? "Mini" : null,
            Coverage = collectCoverage ? project.CoverageExtension : TestCoverageExtension.None,
            Environment = environment,
        };
    }

    /// <summary>The Cobertura file a run left in its results directory; null when it collected none.</summary>
    private static string? CollectedCoverage(AbsolutePath runDirectory, TestPlatform platform)
    {
        if (!Directory.Exists(runDirectory))
        {
            return null;
        }

        // VSTest's collector writes <results>/<guid>/coverage.cobertura.xml (the TRX logger copies it into another folder,
        // deeper down); the platform's extensions write *.cobertura*.xml into the results directory itself.
        return platform == TestPlatform.VSTest
            ? Directory.EnumerateDirectories(runDirectory).Select(folder => Path.Combine(folder, "coverage.cobertura.xml")).FirstOrDefault(File.Exists)
            : Directory.EnumerateFiles(runDirectory, "*cobertura*.xml").OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault();
    }

    /// <summary>Merges the projects' coverage into the coverage folder; null when none collected any.</summary>
    private static async Task<CoverageReport?> MergeCoverageAsync(ITest build, IReportCoverage coverage, CancellationToken cancellationToken)
    {
        var root = KilnBuild.RootDirectory;
        var coverageFiles = ProjectNames(build).Select(name => (string)RawCoverageFile(coverage, name)).Where(File.Exists).ToList();
        if (coverageFiles.Count == 0)
        {
            Log.Warning("No test tier collected coverage, so there is no coverage report.");
            return null;
        }

        // Only this run's pages: the previous report's files go, the raw coverage of each project stays.
        Directory.CreateDirectory(coverage.CoverageDirectory);
        foreach (var file in Directory.EnumerateFiles(coverage.CoverageDirectory))
        {
            File.Delete(file);
        }

        var report = await CoverageReport.CreateAsync(coverageFiles, coverage.CoverageDirectory, root, cancellationToken).ConfigureAwait(false);
        KilnBuild.AppendStepSummary(await File.ReadAllTextAsync(report.MarkdownSummaryFile, cancellationToken).ConfigureAwait(false));
        Log.Information($"coverage: {report.LineCoverageText} of lines ({AbsolutePath.Create(report.HtmlFile).RelativeTo(root)})");
        return report;
    }
}
