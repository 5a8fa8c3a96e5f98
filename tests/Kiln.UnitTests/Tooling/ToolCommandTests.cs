using Kiln.Tooling;

namespace Kiln.UnitTests.Tooling;

public class ToolCommandTests
{
    [Fact]
    public void ToolCommand_shows_plain_arguments_as_they_are()
    {
        Assert.Equal("git rev-parse --short HEAD", new ToolCommand("git", ["rev-parse", "--short", "HEAD"]).ToString());
    }

    [Fact]
    public void ToolCommand_quotes_arguments_with_spaces()
    {
        Assert.Equal("dotnet test \"My Tests.csproj\" --collect \"XPlat Code Coverage\"", new ToolCommand("dotnet", ["test", "My Tests.csproj", "--collect", "XPlat Code Coverage"]).ToString());
    }

    [Fact]
    public void ToolCommand_quotes_and_escapes_arguments_with_quotes()
    {
        Assert.Equal("git commit -m \"say \\\"hi\\\"\" \"it's\"", new ToolCommand("git", ["commit", "-m", "say \"hi\"", "it's"]).ToString());
    }

    [Fact]
    public void ToolCommand_shows_an_empty_argument_as_empty_quotes()
    {
        Assert.Equal("tool \"\" x", new ToolCommand("tool", [string.Empty, "x"]).ToString());
    }

    [Fact]
    public void ToolCommand_quotes_a_program_path_with_spaces()
    {
        Assert.Equal("\"/opt/my tools/run\" a", new ToolCommand("/opt/my tools/run", ["a"]).ToString());
    }

    [Fact]
    public void ToolCommand_defaults_to_success_on_zero_and_echoing_output()
    {
        var command = new ToolCommand("git", []);

        Assert.Equal([0], command.SuccessExitCodes);
        Assert.True(command.EchoOutput);
        Assert.Null(command.WorkingDirectory);
    }
}
