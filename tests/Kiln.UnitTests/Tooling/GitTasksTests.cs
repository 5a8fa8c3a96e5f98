using Kiln.Tooling;

namespace Kiln.UnitTests.Tooling;

/// <summary>NUKE's one-string command lines (Git("...")) split into the argument list the runner takes.</summary>
public class GitTasksTests
{
    [Theory]
    [InlineData("status", new[] { "status" })]
    [InlineData("  tag   v1.0.0  ", new[] { "tag", "v1.0.0" })]
    [InlineData("commit -m \"first release\" --allow-empty", new[] { "commit", "-m", "first release", "--allow-empty" })]
    [InlineData("log --format=\"%H %s\"", new[] { "log", "--format=%H %s" })]
    [InlineData("commit -m \"say \\\"hi\\\"\"", new[] { "commit", "-m", "say \"hi\"" })]
    [InlineData("config user.name \"\"", new[] { "config", "user.name", "" })]
    public void A_command_line_splits_at_spaces_outside_double_quotes(string commandLine, string[] expected)
    {
        Assert.Equal(expected, GitTasks.Command(commandLine).Arguments);
    }

    [Fact]
    public void An_unclosed_quote_is_an_error_that_shows_the_command_line()
    {
        var exception = Assert.Throws<KilnException>(() => GitTasks.Command("commit -m \"oops"));

        Assert.Contains("commit -m \"oops", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Git_runs_git_in_the_directory_with_the_environment_timeout_and_output_setting()
    {
        var command = GitTasks.Command("status", "/repo", new Dictionary<string, string> { ["GIT_AUTHOR_NAME"] = "Kiln" }, timeout: 5000, logOutput: false);

        Assert.Equal("git", command.FileName);
        Assert.Equal("/repo", command.WorkingDirectory);
        Assert.Equal("Kiln", command.Environment["GIT_AUTHOR_NAME"]);
        Assert.Equal(TimeSpan.FromSeconds(5), command.Timeout);
        Assert.False(command.EchoOutput);
    }
}
