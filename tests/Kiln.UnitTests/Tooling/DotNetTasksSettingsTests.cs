using Kiln.Tooling;

namespace Kiln.UnitTests.Tooling;

/// <summary>NUKE's fluent setters over the settings records: the exact arguments each produces, and that each returns a copy.</summary>
public class DotNetTasksSettingsTests
{
    public static TheoryData<string, Func<DotNetSettings>, string[]> Setters => new()
    {
        { "SetProjectFile", () => new DotNetBuildSettings().SetProjectFile("Kiln.sln"), ["build", "Kiln.sln", "--nologo"] },
        { "ResetProjectFile", () => new DotNetBuildSettings().SetProjectFile("Kiln.sln").ResetProjectFile(), ["build", "--nologo"] },
        { "SetProject", () => new DotNetPackSettings().SetProject("src/A"), ["pack", "src/A", "--nologo"] },
        { "SetConfiguration", () => new DotNetBuildSettings().SetConfiguration("Release"), ["build", "--configuration", "Release", "--nologo"] },
        { "ResetConfiguration", () => new DotNetBuildSettings().SetConfiguration("Release").ResetConfiguration(), ["build", "--nologo"] },
        { "EnableNoRestore", () => new DotNetBuildSettings().EnableNoRestore(), ["build", "--no-restore", "--nologo"] },
        { "DisableNoRestore", () => new DotNetBuildSettings().EnableNoRestore().DisableNoRestore(), ["build", "--nologo"] },
        { "ToggleNoRestore", () => new DotNetBuildSettings().ToggleNoRestore(), ["build", "--no-restore", "--nologo"] },
        { "ResetNoRestore", () => new DotNetBuildSettings().EnableNoRestore().ResetNoRestore(), ["build", "--nologo"] },
        { "SetNoRestore", () => new DotNetBuildSettings().SetNoRestore(true), ["build", "--no-restore", "--nologo"] },
        { "SetFramework", () => new DotNetBuildSettings().SetFramework("net10.0"), ["build", "--framework", "net10.0", "--nologo"] },
        { "SetRuntime", () => new DotNetBuildSettings().SetRuntime("linux-x64"), ["build", "--runtime", "linux-x64", "--nologo"] },
        { "SetOutputDirectory (build)", () => new DotNetBuildSettings().SetOutputDirectory("out"), ["build", "--output", "out", "--nologo"] },
        { "EnableNoIncremental", () => new DotNetBuildSettings().EnableNoIncremental(), ["build", "--no-incremental", "--nologo"] },
        { "SetVerbosity", () => new DotNetBuildSettings().SetVerbosity(DotNetVerbosity.Minimal), ["build", "--verbosity", "minimal", "--nologo"] },
        { "ResetVerbosity", () => new DotNetBuildSettings().SetVerbosity(DotNetVerbosity.Quiet).ResetVerbosity(), ["build", "--nologo"] },
        { "SetProperty", () => new DotNetBuildSettings().SetProperty("Deterministic", true), ["build", "-p:Deterministic=true", "--nologo"] },
        { "SetProperty keeps ; and , in one value", () => new DotNetBuildSettings().SetPackageReleaseNotes("Fixed A; added B, C at 100%"), ["build", "-p:PackageReleaseNotes=Fixed A%3B added B%2C C at 100%25", "--nologo"] },
        { "SetProperty replaces", () => new DotNetBuildSettings().SetProperty("A", 1).SetProperty("A", 2), ["build", "-p:A=2", "--nologo"] },
        { "SetProperties", () => new DotNetBuildSettings().SetProperty("A", 1).SetProperties(new Dictionary<string, object> { ["B"] = "x" }), ["build", "-p:B=x", "--nologo"] },
        { "AddProperties", () => new DotNetBuildSettings().SetProperty("A", 1).AddProperties(new Dictionary<string, object> { ["B"] = "x" }), ["build", "-p:A=1", "-p:B=x", "--nologo"] },
        { "RemoveProperty", () => new DotNetBuildSettings().SetProperty("A", 1).SetProperty("B", 2).RemoveProperty("A"), ["build", "-p:B=2", "--nologo"] },
        { "ClearProperties", () => new DotNetBuildSettings().SetProperty("A", 1).ClearProperties(), ["build", "--nologo"] },
        {
            "version properties",
            () => new DotNetBuildSettings().SetVersion("1.2.3-beta.1").SetAssemblyVersion("1.2.3.0").SetFileVersion("1.2.3.0").SetInformationalVersion("1.2.3-beta.1+4.Sha.abc"),
            ["build", "-p:AssemblyVersion=1.2.3.0", "-p:FileVersion=1.2.3.0", "-p:InformationalVersion=1.2.3-beta.1+4.Sha.abc", "-p:Version=1.2.3-beta.1", "--nologo"]
        },
        { "SetPackageReleaseNotes, SetCopyright", () => new DotNetPackSettings().SetPackageReleaseNotes("notes").SetCopyright("me"), ["pack", "-p:Copyright=me", "-p:PackageReleaseNotes=notes", "--nologo"] },
        { "SetContinuousIntegrationBuild", () => new DotNetBuildSettings().SetContinuousIntegrationBuild(true), ["build", "-p:ContinuousIntegrationBuild=true", "--nologo"] },
        { "test EnableNoBuild", () => new DotNetTestSettings().SetProjectFile("t.csproj").EnableNoBuild(), ["test", "t.csproj", "--no-build", "--nologo"] },
        { "test EnableNoRestore", () => new DotNetTestSettings().EnableNoRestore(), ["test", "--no-restore", "--nologo"] },
        { "test SetConfiguration", () => new DotNetTestSettings().SetConfiguration("Debug"), ["test", "--configuration", "Debug", "--nologo"] },
        { "SetResultsDirectory", () => new DotNetTestSettings().SetResultsDirectory("r"), ["test", "--results-directory", "r", "--nologo"] },
        { "SetFilter", () => new DotNetTestSettings().SetFilter("Category!=Slow"), ["test", "--filter", "Category!=Slow", "--nologo"] },
        { "SetSettingsFile", () => new DotNetTestSettings().SetSettingsFile("a.runsettings"), ["test", "--settings", "a.runsettings", "--nologo"] },
        { "SetLoggers, AddLoggers", () => new DotNetTestSettings().SetLoggers("trx").AddLoggers("console", "html"), ["test", "--logger", "trx", "--logger", "console", "--logger", "html", "--nologo"] },
        { "RemoveLoggers", () => new DotNetTestSettings().SetLoggers("trx", "console").RemoveLoggers("trx"), ["test", "--logger", "console", "--nologo"] },
        { "ClearLoggers", () => new DotNetTestSettings().SetLoggers("trx").ClearLoggers(), ["test", "--nologo"] },
        { "SetDataCollector", () => new DotNetTestSettings().SetDataCollector("XPlat Code Coverage"), ["test", "--collect", "XPlat Code Coverage", "--nologo"] },
        { "SetBlameHangTimeout", () => new DotNetTestSettings().SetBlameHangTimeout(TimeSpan.FromMinutes(2)), ["test", "--blame-hang", "--blame-hang-timeout", "120s", "--nologo"] },
        { "pack EnableNoBuild, SetOutputDirectory", () => new DotNetPackSettings().EnableNoBuild().EnableNoRestore().SetConfiguration("Release").SetOutputDirectory("artifacts"), ["pack", "--configuration", "Release", "--no-build", "--no-restore", "--output", "artifacts", "--nologo"] },
        { "EnableLockedMode", () => new DotNetRestoreSettings().EnableLockedMode(), ["restore", "--locked-mode", "--nologo"] },
        { "restore SetSources", () => new DotNetRestoreSettings().SetSources("feed", "https://x/index.json"), ["restore", "--source", "feed", "--source", "https://x/index.json", "--nologo"] },
        {
            "publish",
            () => new DotNetPublishSettings().SetProject("app.csproj").SetConfiguration("Release").SetFramework("net10.0").SetRuntime("linux-x64").SetOutput("out").EnableNoBuild().EnableNoRestore(),
            ["publish", "app.csproj", "--configuration", "Release", "--framework", "net10.0", "--runtime", "linux-x64", "--output", "out", "--no-build", "--no-restore", "--nologo"]
        },
        { "EnableSelfContained", () => new DotNetPublishSettings().EnableSelfContained(), ["publish", "--self-contained", "--nologo"] },
        { "DisableSelfContained", () => new DotNetPublishSettings().DisableSelfContained(), ["publish", "--no-self-contained", "--nologo"] },
        { "ResetSelfContained", () => new DotNetPublishSettings().EnableSelfContained().ResetSelfContained(), ["publish", "--nologo"] },
        {
            "publish single file, trimmed, ready to run",
            () => new DotNetPublishSettings().SetPublishSingleFile(true).SetPublishTrimmed(false).SetPublishReadyToRun(true),
            ["publish", "-p:PublishReadyToRun=true", "-p:PublishSingleFile=true", "-p:PublishTrimmed=false", "--nologo"]
        },
        {
            "run",
            () => new DotNetRunSettings().SetProjectFile("app.csproj").SetConfiguration("Release").SetFramework("net10.0").SetRuntime("linux-x64").SetLaunchProfile("p").EnableNoBuild().EnableNoRestore(),
            ["run", "--project", "app.csproj", "--configuration", "Release", "--framework", "net10.0", "--runtime", "linux-x64", "--launch-profile", "p", "--no-build", "--no-restore"]
        },
        { "EnableNoLaunchProfile", () => new DotNetRunSettings().EnableNoLaunchProfile(), ["run", "--no-launch-profile"] },
        {
            "SetApplicationArguments after every option",
            () => new DotNetRunSettings().SetApplicationArguments("--name \"a b\" -v").SetProperty("A", 1),
            ["run", "-p:A=1", "--", "--name", "a b", "-v"]
        },
        { "SetApplicationArguments as a list", () => new DotNetRunSettings().SetApplicationArguments("a b", "c"), ["run", "--", "a b", "c"] },
        { "ResetApplicationArguments", () => new DotNetRunSettings().SetApplicationArguments("x").ResetApplicationArguments(), ["run"] },
        { "tool restore", () => new DotNetToolRestoreSettings(), ["tool", "restore"] },
        {
            "tool restore options",
            () => new DotNetToolRestoreSettings().SetToolManifest(".config/dotnet-tools.json").SetConfigFile("nuget.config").AddSources("feed").EnableNoCache().EnableIgnoreFailedSources().EnableDisableParallel().SetVerbosity(DotNetVerbosity.Quiet),
            ["tool", "restore", "--tool-manifest", ".config/dotnet-tools.json", "--configfile", "nuget.config", "--add-source", "feed", "--no-http-cache", "--ignore-failed-sources", "--disable-parallel", "--verbosity", "quiet"]
        },
    };

    [Theory]
    [MemberData(nameof(Setters))]
    public void Each_fluent_setter_produces_its_arguments(string setter, Func<DotNetSettings> settings, string[] expected)
    {
        Assert.True(expected.SequenceEqual(settings().ToCommand().Arguments), $"{setter}: {settings().ToCommand()}");
    }

    [Fact]
    public void Each_setter_returns_a_copy_and_leaves_the_settings_it_was_called_on_unchanged()
    {
        var shared = new DotNetBuildSettings().SetProjectFile("Kiln.sln").SetProperty("A", 1);

        var release = shared.SetConfiguration("Release").EnableNoRestore().SetProperty("B", 2).SetProcessEnvironmentVariable("X", "1");
        var debug = shared.SetConfiguration("Debug");

        Assert.Equal(["build", "Kiln.sln", "-p:A=1", "--nologo"], shared.ToCommand().Arguments);
        Assert.Empty(shared.Environment);
        Assert.Equal(["build", "Kiln.sln", "--configuration", "Release", "--no-restore", "-p:A=1", "-p:B=2", "--nologo"], release.ToCommand().Arguments);
        Assert.Equal(["build", "Kiln.sln", "--configuration", "Debug", "-p:A=1", "--nologo"], debug.ToCommand().Arguments);
        Assert.NotSame(shared, shared.SetProjectFile("Kiln.sln"));
    }

    [Fact]
    public void The_fluent_and_the_record_shapes_describe_the_same_command()
    {
        var fluent = new DotNetTestSettings()
            .SetProjectFile("tests/A.Tests")
            .SetConfiguration("Release")
            .EnableNoBuild()
            .SetResultsDirectory("artifacts/test-results")
            .AddLoggers("trx;LogFileName=a.trx")
            .SetProperty("CollectCoverage", true)
            .SetProcessWorkingDirectory("/repo")
            .SetProcessEnvironmentVariable("DOTNET_CLI_TELEMETRY_OPTOUT", "1")
            .SetProcessExecutionTimeout(60_000);
        var record = new DotNetTestSettings
        {
            Project = "tests/A.Tests",
            Configuration = "Release",
            NoBuild = true,
            ResultsDirectory = "artifacts/test-results",
            Loggers = ["trx;LogFileName=a.trx"],
            Properties = new Dictionary<string, string> { ["CollectCoverage"] = "true" },
            WorkingDirectory = "/repo",
            Environment = new Dictionary<string, string?> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" },
            Timeout = TimeSpan.FromMinutes(1),
        };

        var fromFluent = fluent.ToCommand();
        var fromRecord = record.ToCommand();

        Assert.Equal(fromRecord.Arguments, fromFluent.Arguments);
        Assert.Equal(fromRecord.WorkingDirectory, fromFluent.WorkingDirectory);
        Assert.Equal(fromRecord.Environment, fromFluent.Environment);
        Assert.Equal(fromRecord.Timeout, fromFluent.Timeout);
    }

    [Fact]
    public void A_Configuration_value_converts_to_its_name_for_SetConfiguration()
    {
        var settings = new DotNetBuildSettings().SetConfiguration(Kiln.Components.Configuration.Release);

        Assert.Equal("Release", settings.Configuration);
    }

    [Fact]
    public void NuGetPush_setters_keep_the_API_key_off_the_command_line()
    {
        var settings = new DotNetNuGetPushSettings(string.Empty)
            .SetTargetPath("artifacts/A.1.0.0.nupkg")
            .SetSource("https://api.nuget.org/v3/index.json")
            .SetApiKey("key-123")
            .SetSymbolSource("symbols")
            .EnableSkipDuplicate()
            .EnableNoSymbols()
            .EnableForceEnglishOutput()
            .SetProcessWorkingDirectory("/repo")
            .SetProcessExecutionTimeout(1000);

        var command = settings.ToCommand();

        Assert.Equal(
            ["nuget", "push", "artifacts/A.1.0.0.nupkg", "--source", "https://api.nuget.org/v3/index.json", "--symbol-source", "symbols", "--no-symbols", "--skip-duplicate", "--force-english-output"],
            command.Arguments);
        Assert.Equal("key-123", command.Environment[DotNetNuGetPushSettings.ApiKeyVariable]);
        Assert.DoesNotContain("key-123", command.ToString(), StringComparison.Ordinal);
        Assert.Equal("/repo", command.WorkingDirectory);
        Assert.Equal(TimeSpan.FromSeconds(1), command.Timeout);
    }

    [Fact]
    public void Tool_restore_refuses_a_project()
    {
        var exception = Assert.Throws<KilnException>(() => new DotNetToolRestoreSettings().SetProjectFile("a.csproj").ToCommand());

        Assert.Contains("takes no project", exception.Message, StringComparison.Ordinal);
    }
}
