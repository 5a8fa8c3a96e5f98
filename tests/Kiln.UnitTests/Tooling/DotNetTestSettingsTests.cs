using Kiln.Tooling;

namespace Kiln.UnitTests.Tooling;

/// <summary>dotnet test's command line on Microsoft.Testing.Platform: its extensions' switches, none of VSTest's.</summary>
public class DotNetTestSettingsTests
{
    [Fact]
    public void DotNetTestSettings_on_the_testing_platform_pass_the_trx_report_hang_dump_and_microsoft_coverage_switches()
    {
        var command = new DotNetTestSettings
        {
            Platform = TestPlatform.MicrosoftTestingPlatform,
            Project = "tests/Sample.Tests/Sample.Tests.csproj",
            Configuration = "Release",
            NoBuild = true,
            ResultsDirectory = "artifacts/test-results/Sample.Tests",
            TrxReportFileName = "Sample.Tests.trx",
            HangDumpTimeout = TimeSpan.FromMinutes(10),
            HangDumpType = "Mini",
            Coverage = TestCoverageExtension.MicrosoftCodeCoverage,
        }.ToCommand();

        Assert.Equal(
            [
                "test", "--project", "tests/Sample.Tests/Sample.Tests.csproj", "--configuration", "Release", "--no-build",
                "--results-directory", "artifacts/test-results/Sample.Tests",
                "--report-trx", "--report-trx-filename", "Sample.Tests.trx",
                "--hangdump", "--hangdump-timeout", "600s", "--hangdump-type", "Mini",
                "--coverage", "--coverage-output-format", "cobertura",
            ],
            command.Arguments);
    }

    [Fact]
    public void DotNetTestSettings_on_the_testing_platform_collect_coverlets_coverage_in_cobertura()
    {
        var command = new DotNetTestSettings { Platform = TestPlatform.MicrosoftTestingPlatform, Coverage = TestCoverageExtension.Coverlet }.ToCommand();

        Assert.Equal(["test", "--coverlet", "--coverlet-output-format", "cobertura"], command.Arguments);
    }

    [Fact]
    public void DotNetTestSettings_on_the_testing_platform_name_a_solution_with_solution()
    {
        var command = new DotNetTestSettings { Platform = TestPlatform.MicrosoftTestingPlatform, Project = "Sample.slnx" }.ToCommand();

        Assert.Equal(["test", "--solution", "Sample.slnx"], command.Arguments);
    }

    [Fact]
    public void DotNetTestSettings_on_the_testing_platform_pass_no_vstest_switch_and_no_nologo()
    {
        var command = new DotNetTestSettings { Platform = TestPlatform.MicrosoftTestingPlatform, Project = "tests/A.Tests", TrxReportFileName = "A.Tests.trx" }.ToCommand();

        Assert.DoesNotContain(command.Arguments, argument => argument is "--logger" or "--collect" or "--blame-hang" or "--blame-hang-timeout" or "--nologo");
    }

    [Fact]
    public void DotNetTestSettings_on_the_testing_platform_refuse_vstest_settings_and_name_the_replacements()
    {
        var settings = new DotNetTestSettings
        {
            Platform = TestPlatform.MicrosoftTestingPlatform,
            Loggers = ["trx"],
            BlameHangTimeout = TimeSpan.FromMinutes(1),
        };

        var exception = Assert.Throws<KilnException>(settings.ToCommand);

        Assert.Equal(
            "dotnet test runs Microsoft.Testing.Platform here (global.json), which has no Loggers, BlameHangTimeout: use TrxReportFileName, HangDumpTimeout and Coverage instead.",
            exception.Message);
    }

    [Fact]
    public void DotNetTestSettings_on_vstest_ignore_the_testing_platform_switches()
    {
        var command = new DotNetTestSettings
        {
            Project = "tests/A.Tests",
            TrxReportFileName = "A.Tests.trx",
            HangDumpTimeout = TimeSpan.FromMinutes(1),
            Coverage = TestCoverageExtension.Coverlet,
        }.ToCommand();

        Assert.Equal(["test", "tests/A.Tests", "--nologo"], command.Arguments);
    }
}
