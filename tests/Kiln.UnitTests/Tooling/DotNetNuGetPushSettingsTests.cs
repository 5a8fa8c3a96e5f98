using Kiln.Tooling;

namespace Kiln.UnitTests.Tooling;

public sealed class DotNetNuGetPushSettingsTests
{
    [Fact]
    public void DotNetNuGetPushSettings_build_a_push_command_with_every_option_set()
    {
        var command = new DotNetNuGetPushSettings("artifacts/packages/Kiln.1.2.0.nupkg")
        {
            Source = "https://nuget.example.org/v3/index.json",
            SymbolSource = "https://symbols.example.org/",
            NoSymbols = true,
            SkipDuplicate = true,
            AllowInsecureConnections = true,
            ConfigFile = "nuget.config",
            ForceEnglishOutput = true,
            WorkingDirectory = "/repo",
            Timeout = TimeSpan.FromMinutes(5),
        }.ToCommand();

        Assert.Equal("dotnet", command.FileName);
        Assert.Equal(
            [
                "nuget", "push", "artifacts/packages/Kiln.1.2.0.nupkg",
                "--source", "https://nuget.example.org/v3/index.json", "--symbol-source", "https://symbols.example.org/",
                "--no-symbols", "--skip-duplicate", "--allow-insecure-connections", "--configfile", "nuget.config", "--force-english-output",
            ],
            command.Arguments);
        Assert.Equal("/repo", command.WorkingDirectory);
        Assert.Equal(TimeSpan.FromMinutes(5), command.Timeout);
    }

    [Fact]
    public void DotNetNuGetPushSettings_leave_out_what_is_not_set()
    {
        var command = new DotNetNuGetPushSettings("Kiln.1.2.0.nupkg").ToCommand();

        Assert.Equal(["nuget", "push", "Kiln.1.2.0.nupkg"], command.Arguments);
        Assert.Empty(command.Environment);
    }

    [Fact]
    public void DotNetNuGetPushSettings_pass_the_api_key_in_the_environment_never_on_the_command_line()
    {
        var settings = new DotNetNuGetPushSettings("Kiln.1.2.0.nupkg") { Source = "https://nuget.example.org/v3/index.json", ApiKey = "oy2secretkey" };

        var command = settings.ToCommand();

        Assert.Equal("oy2secretkey", command.Environment["NUGET_API_KEY"]);
        Assert.DoesNotContain(command.Arguments, argument => argument.Contains("oy2secretkey", StringComparison.Ordinal));
        Assert.DoesNotContain("oy2secretkey", command.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("oy2secretkey", settings.ToString(), StringComparison.Ordinal);
    }
}
