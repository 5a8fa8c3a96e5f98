namespace Kiln.Components;

/// <summary>
/// Coverage for the test tiers: each collects its projects' line coverage (coverlet, Cobertura), and Test merges it
/// with ReportGenerator into <see cref="CoverageDirectory"/> (HTML, Cobertura and the GitHub step summary) and fails
/// below <see cref="CoverageThreshold"/>.
/// </summary>
public interface IReportCoverage : ITest
{
    /// <summary>Where Test writes the merged report: artifacts/coverage; each project's raw coverage is under raw/.</summary>
    AbsolutePath CoverageDirectory => ArtifactsDirectory / "coverage";

    /// <summary>The run settings the coverage collector reads (what to include and exclude): tests/coverage.runsettings when it exists.</summary>
    AbsolutePath? CoverageSettingsFile => KilnBuild.RootDirectory / "tests" / "coverage.runsettings" is var file && File.Exists(file) ? file : null;

    /// <summary>The lowest merged line coverage, in percent, Test accepts.</summary>
    [Parameter("Lowest merged line coverage, in percent, that Test accepts (report: artifacts/coverage/index.html).")]
    double CoverageThreshold => this.ParameterValue(80d);
}
