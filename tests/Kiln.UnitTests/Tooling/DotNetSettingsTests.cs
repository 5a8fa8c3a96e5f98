using Kiln.Tooling;

namespace Kiln.UnitTests.Tooling;

public class DotNetSettingsTests
{
    [Fact]
    public void DotNetRestoreSettings_build_a_restore_command()
    {
        var command = new DotNetRestoreSettings { Project = "Kiln.sln", LockedMode = true }.ToCommand();

        Assert.Equal("dotnet", command.FileName);
        Assert.Equal(["restore", "Kiln.sln", "--locked-mode", "--nologo"], command.Arguments);
    }

    [Fact]
    public void DotNetRestoreSettings_leave_out_what_is_not_set()
    {
        Assert.Equal(["restore", "--nologo"], new DotNetRestoreSettings().ToCommand().Arguments);
    }

    [Fact]
    public void DotNetBuildSettings_build_a_build_command_with_sorted_properties()
    {
        var command = new DotNetBuildSettings
        {
            Project = "Kiln.sln",
            Configuration = "Release",
            NoRestore = true,
            Verbosity = "minimal",
            Properties = new Dictionary<string, string> { ["Version"] = "1.2.3", ["ContinuousIntegrationBuild"] = "true" },
        }.ToCommand();

        Assert.Equal(
            ["build", "Kiln.sln", "--configuration", "Release", "--no-restore", "--verbosity", "minimal", "-p:ContinuousIntegrationBuild=true", "-p:Version=1.2.3", "--nologo"],
            command.Arguments);
    }

    [Fact]
    public void DotNetTestSettings_build_a_test_command_with_loggers_collectors_and_hang_timeout()
    {
        var command = new DotNetTestSettings
        {
            Project = "tests/Kiln.UnitTests",
            Configuration = "Release",
            NoBuild = true,
            NoRestore = true,
            ResultsDirectory = "artifacts/test-results",
            Loggers = ["trx;LogFileName=unit.trx", "console;verbosity=normal"],
            Collectors = ["XPlat Code Coverage"],
            Filter = "Category!=Slow",
            Settings = "coverage.runsettings",
            BlameHangTimeout = TimeSpan.FromMinutes(5),
        }.ToCommand();

        Assert.Equal(
            [
                "test", "tests/Kiln.UnitTests", "--configuration", "Release", "--no-build", "--no-restore",
                "--results-directory", "artifacts/test-results",
                "--logger", "trx;LogFileName=unit.trx", "--logger", "console;verbosity=normal",
                "--collect", "XPlat Code Coverage",
                "--filter", "Category!=Slow", "--settings", "coverage.runsettings",
                "--blame-hang", "--blame-hang-timeout", "300s",
                "--nologo",
            ],
            command.Arguments);
    }

    [Fact]
    public void DotNetTestSettings_pass_the_hang_dump_type_with_the_hang_timeout()
    {
        var command = new DotNetTestSettings { BlameHangTimeout = TimeSpan.FromMinutes(10), BlameHangDumpType = "mini" }.ToCommand();

        Assert.Equal(["test", "--blame-hang", "--blame-hang-timeout", "600s", "--blame-hang-dump-type", "mini", "--nologo"], command.Arguments);
    }

    [Fact]
    public void DotNetPackSettings_build_a_pack_command_into_an_output_folder()
    {
        var command = new DotNetPackSettings
        {
            Project = "Kiln.sln",
            Configuration = "Release",
            NoBuild = true,
            NoRestore = true,
            OutputDirectory = "artifacts/packages",
            Properties = new Dictionary<string, string> { ["PackageVersion"] = "1.0.1-2" },
        }.ToCommand();

        Assert.Equal(
            ["pack", "Kiln.sln", "--configuration", "Release", "--no-build", "--no-restore", "--output", "artifacts/packages", "-p:PackageVersion=1.0.1-2", "--nologo"],
            command.Arguments);
    }

    [Fact]
    public void DotNetSettings_carry_working_directory_environment_and_timeout_to_the_command()
    {
        var command = new DotNetTestSettings
        {
            WorkingDirectory = "/repo",
            Environment = new Dictionary<string, string?> { ["DOTNET_NOLOGO"] = "1" },
            Timeout = TimeSpan.FromMinutes(10),
        }.ToCommand();

        Assert.Equal("/repo", command.WorkingDirectory);
        Assert.Equal("1", command.Environment["DOTNET_NOLOGO"]);
        Assert.Equal(TimeSpan.FromMinutes(10), command.Timeout);
    }
}
