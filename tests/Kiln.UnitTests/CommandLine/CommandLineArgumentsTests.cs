using Kiln.CommandLine;

namespace Kiln.UnitTests.CommandLine;

public class CommandLineArgumentsTests
{
    [Fact]
    public void CommandLine_takes_leading_words_as_targets_and_the_rest_as_option_values()
    {
        var commandLine = CommandLineArguments.Parse(["Test", "Pack", "--configuration", "Release", "--projects", "a", "b"]);

        Assert.Equal(["Test", "Pack"], commandLine.Targets);
        Assert.Equal(["Release"], commandLine.Options["configuration"].Values);
        Assert.Equal(["a", "b"], commandLine.Options["projects"].Values);
    }

    [Fact]
    public void CommandLine_keys_options_by_normalized_name_and_keeps_the_spelling()
    {
        var option = CommandLineArguments.Parse(["--NuGet-Api-Key", "k"]).Options["nugetapikey"];

        Assert.Equal("--NuGet-Api-Key", option.Spelling);
        Assert.Equal("NuGet-Api-Key", option.Name);
    }

    [Fact]
    public void CommandLine_splits_name_equals_value()
    {
        var commandLine = CommandLineArguments.Parse(["--configuration=Release"]);

        Assert.Equal(["Release"], commandLine.Options["configuration"].Values);
        Assert.Equal("--configuration", commandLine.Options["configuration"].Spelling);
    }

    [Fact]
    public void CommandLine_adds_the_values_of_a_repeated_option()
    {
        var commandLine = CommandLineArguments.Parse(["--profile", "ci", "--profile", "release"]);

        Assert.Equal(["ci", "release"], commandLine.Options["profile"].Values);
    }

    [Theory]
    [InlineData("-h")]
    [InlineData("-?")]
    [InlineData("/?")]
    public void CommandLine_reads_short_help_switches_as_help(string argument)
    {
        Assert.True(CommandLineArguments.Parse([argument]).Options.ContainsKey("help"));
    }

    [Fact]
    public void CommandLine_accepts_a_negative_number_as_a_value()
    {
        Assert.Equal(["-5"], CommandLineArguments.Parse(["--offset", "-5"]).Options["offset"].Values);
    }

    [Fact]
    public void CommandLine_rejects_a_single_dash_switch()
    {
        var exception = Assert.Throws<KilnException>(() => CommandLineArguments.Parse(["-verbosity", "quiet"]));

        Assert.Equal("Unknown switch '-verbosity': parameters take two dashes, like --verbosity.", exception.Message);
    }

    [Fact]
    public void CommandLine_rejects_an_option_without_a_name()
    {
        var exception = Assert.Throws<KilnException>(() => CommandLineArguments.Parse(["--=x"]));

        Assert.Equal("'--' is not a parameter name: use --name value.", exception.Message);
    }

    [Fact]
    public void CommandLine_turns_words_after_a_flag_back_into_targets()
    {
        var commandLine = CommandLineArguments.Parse(["--plan", "UnitTest", "Pack"]);

        commandLine.ReleaseFlagValues(name => name == "plan");

        Assert.Equal(["UnitTest", "Pack"], commandLine.Targets);
        Assert.Empty(commandLine.Options["plan"].Values);
    }

    [Fact]
    public void CommandLine_keeps_a_boolean_word_after_a_flag()
    {
        var commandLine = CommandLineArguments.Parse(["--plan", "false", "UnitTest"]);

        commandLine.ReleaseFlagValues(name => name == "plan");

        Assert.Equal(["UnitTest"], commandLine.Targets);
        Assert.Equal(["false"], commandLine.Options["plan"].Values);
    }

    [Fact]
    public void CommandLine_leaves_the_values_of_non_flags_alone()
    {
        var commandLine = CommandLineArguments.Parse(["--skip", "Restore"]);

        commandLine.ReleaseFlagValues(name => name == "plan");

        Assert.Empty(commandLine.Targets);
        Assert.Equal(["Restore"], commandLine.Options["skip"].Values);
    }
}
