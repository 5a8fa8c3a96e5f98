using Kiln.Tooling;

namespace Kiln.Components;

/// <summary>
/// Test: the test tiers the build has (<see cref="IUnitTest"/>, <see cref="IIntegrationTest"/>, <see cref="ISystemTest"/>),
/// their counts added up from the TRX files they left, and with <see cref="IReportCoverage"/> their coverage merged and
/// held to a threshold. Each tier is a target of its own (a CI job of its own), selects its test projects by a name
/// pattern, and is up to date when no input changed since its last success.
/// </summary>
public interface ITest : ICompile, IHazArtifacts
{
    /// <summary>Where the tiers leave a TRX file per test project, and their hang dumps: artifacts/test-results.</summary>
    AbsolutePath TestResultsDirectory => ArtifactsDirectory / "test-results";

    /// <summary>How long one test may run before it fails as hung, with a mini dump; a tier may give its own (<c>BlameHangTimeout</c>).</summary>
    // Ten minutes is far past what one test should take, and short of a 30-minute CI job's limit, so a hung test
    // fails with its dump before CI cancels the job.
    [Parameter("How long one test may run (hh:mm:ss) before it fails as hung, with a mini dump in artifacts/test-results.")]
    TimeSpan TestHangTimeout => this.ParameterValue(TimeSpan.FromMinutes(10));

    /// <summary>
    /// What the tiers' results depend on (globs from the root, ! to exclude): every file of the repository but build
    /// output, scratch and node modules, since tests may read any file. When none changed, nor a parameter, and a
    /// tier's results are there, the tier is UpToDate and Test reports the results it left.
    /// </summary>
    string[] TestInputs =>
        ["**/*", "!**/bin/**", "!**/obj/**", "!artifacts/**", "!.nuke/temp/**", "!.git/**", "!**/node_modules/**", "!**/TestResults/**"];

    /// <summary>
    /// Adjusts the <c>dotnet test</c> settings of every tier, which start as the project, the configuration, no build,
    /// a TRX report, the hang timeout and, with <see cref="IReportCoverage"/>, coverage: on VSTest the TRX and console
    /// loggers, --blame-hang and coverlet's collector; on Microsoft.Testing.Platform (global.json) the switches of the
    /// extensions the project references (TrxReport, HangDump, coverlet.MTP or CodeCoverage); see <see cref="DotNetTestSettings.Platform"/>.
    /// </summary>
    DotNetTestSettings TestSettings(DotNetTestSettings settings) => settings;

    /// <summary>Adds up the tiers' counts and fails when a test failed; merges their coverage with <see cref="IReportCoverage"/>.</summary>
    // Test reads what the tiers left in artifacts/ rather than remembering it, so that on CI, where each tier is a job of
    // its own, the test job can report on the files it downloaded.
    Target Test => _ => TestRun.DefineTest(this, _)
        .AssuredAfterFailure()
        .Executes(cancellationToken => TestRun.ReportAsync(this, cancellationToken));
}
