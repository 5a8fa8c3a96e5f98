using System.Text;
using Kiln.CommandLine;
using Kiln.Hosts;
using Kiln.Parameters;

namespace Kiln.UnitTests.Parameters;

public class ParameterBinderTests
{
    private readonly SecretMasker masker = new();

    public enum Configuration
    {
        Debug,
        Release,
    }

    [Fact]
    public void Binder_sets_a_string_from_the_command_line()
    {
        Assert.Equal("kiln", Bind(["--name", "kiln"]).Name);
    }

    [Fact]
    public void Binder_sets_a_value_given_as_name_equals_value()
    {
        Assert.Equal("a=b", Bind(["--name=a=b"]).Name);
    }

    [Fact]
    public void Binder_sets_a_bare_flag_to_true()
    {
        Assert.True(Bind(["--fast"]).Fast);
    }

    [Fact]
    public void Binder_sets_a_flag_followed_by_false_to_false()
    {
        Assert.False(Bind(["--fast", "false"], initial: new Values { Fast = true }).Fast);
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("on", true)]
    [InlineData("1", true)]
    [InlineData("no", false)]
    [InlineData("OFF", false)]
    [InlineData("False", false)]
    public void Binder_reads_boolean_words_from_the_environment(string text, bool expected)
    {
        Assert.Equal(expected, Bind([], Environment(("FAST", text))).Fast);
    }

    [Fact]
    public void Binder_rejects_a_word_that_is_not_a_boolean()
    {
        var exception = Assert.Throws<KilnException>(() => Bind([], Environment(("FAST", "maybe"))));

        Assert.Equal("Invalid value 'maybe' for environment variable FAST: expected true or false.", exception.Message);
    }

    [Fact]
    public void Binder_sets_an_int()
    {
        Assert.Equal(7, Bind(["--retries", "7"]).Retries);
    }

    [Fact]
    public void Binder_rejects_text_that_is_not_an_int()
    {
        var exception = Assert.Throws<KilnException>(() => Bind(["--retries", "many"]));

        Assert.StartsWith("Invalid value 'many' for --retries: expected a", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Binder_keeps_the_initial_value_when_no_source_names_the_parameter()
    {
        var values = Bind([]);

        Assert.Equal(3, values.Retries);
        Assert.Equal("hello", values.Greeting);
        Assert.Null(values.Timeout);
    }

    [Fact]
    public void Binder_sets_a_nullable_int()
    {
        Assert.Equal(30, Bind(["--timeout", "30"]).Timeout);
    }

    [Fact]
    public void Binder_sets_an_enum_ignoring_case()
    {
        Assert.Equal(Configuration.Release, Bind(["--configuration", "rElEaSe"]).Configuration);
    }

    [Fact]
    public void Binder_rejects_an_enum_number_and_lists_the_names()
    {
        var exception = Assert.Throws<KilnException>(() => Bind(["--configuration", "1"]));

        Assert.Equal("Invalid value '1' for --configuration: expected one of Debug, Release.", exception.Message);
    }

    [Fact]
    public void Binder_rejects_a_bad_enum_value_from_the_environment_naming_the_variable_and_suggesting()
    {
        var exception = Assert.Throws<KilnException>(() => Bind([], Environment(("CONFIGURATION", "relase"))));

        Assert.Equal("Invalid value 'relase' for environment variable CONFIGURATION: expected one of Debug, Release. Did you mean Release?", exception.Message);
    }

    [Fact]
    public void Binder_sets_a_string_array_from_several_command_line_values()
    {
        Assert.Equal(["src/A", "src/B"], Bind(["--projects", "src/A", "src/B"]).Projects!);
    }

    [Fact]
    public void Binder_sets_an_empty_array_for_a_bare_array_option()
    {
        Assert.Equal([], Bind(["--projects"]).Projects!);
    }

    [Fact]
    public void Binder_splits_an_array_from_the_environment_on_commas()
    {
        Assert.Equal(["a", "b", "c"], Bind([], Environment(("PROJECTS", "a, b,c"))).Projects!);
    }

    [Fact]
    public void Binder_keeps_spaces_inside_array_values_from_the_environment()
    {
        Assert.Equal(["/home/me/My Projects/a", "b"], Bind([], Environment(("PROJECTS", "/home/me/My Projects/a,b"))).Projects!);
    }

    [Fact]
    public void Binder_treats_an_empty_environment_variable_as_unset()
    {
        Assert.Equal(3, Bind([], Environment(("RETRIES", string.Empty))).Retries);
    }

    [Fact]
    public void A_parameter_with_a_well_known_environment_variable_is_read_from_it_and_still_from_its_own_name()
    {
        Assert.Equal("well-known", Bind([], Environment(("AZURE_STORAGE_CONNECTION_STRING", "well-known"), ("STORAGE_CONNECTION_STRING", "derived"))).StorageConnectionString);
        Assert.Equal("derived", Bind([], Environment(("STORAGE_CONNECTION_STRING", "derived"))).StorageConnectionString);
        Assert.Equal("cli", Bind(["--storage-connection-string", "cli"], Environment(("AZURE_STORAGE_CONNECTION_STRING", "env"))).StorageConnectionString);
        Assert.Equal("AZURE_STORAGE_CONNECTION_STRING", ParameterDescriptor.FindIn(new Values()).Single(parameter => parameter.Name == "StorageConnectionString").EnvironmentName);
    }

    [Fact]
    public void Binder_reads_NuGetApiKey_from_NUGET_API_KEY()
    {
        Assert.Equal("key", Bind([], Environment(("NUGET_API_KEY", "key"))).NuGetApiKey);
    }

    [Fact]
    public void Descriptor_keeps_the_initial_value_as_the_default_after_binding()
    {
        var values = new Values();
        var descriptors = ParameterDescriptor.FindIn(values).ToList();
        new ParameterBinder(descriptors).Bind(CommandLineArguments.Parse(["--retries", "7"]), Environment(), [], masker);

        var retries = descriptors.Single(descriptor => descriptor.Name == "Retries");
        Assert.Equal(7, values.Retries);
        Assert.Equal("3", retries.DefaultText);
    }

    [Fact]
    public void Binder_sets_an_array_from_a_json_array()
    {
        Assert.Equal(["a", "b"], Bind([], files: [("parameters.json", "{ \"Projects\": [\"a\", \"b\"] }")]).Projects!);
    }

    [Fact]
    public void Binder_sets_an_enum_array_from_the_command_line()
    {
        Assert.Equal([Configuration.Debug, Configuration.Release], Bind(["--configurations", "debug", "Release"]).Configurations);
    }

    [Fact]
    public void Binder_sets_an_enum_array_from_the_environment()
    {
        Assert.Equal([Configuration.Release, Configuration.Debug], Bind([], Environment(("CONFIGURATIONS", "release,debug"))).Configurations);
    }

    [Fact]
    public void Binder_rejects_a_bad_element_of_an_enum_array()
    {
        var exception = Assert.Throws<KilnException>(() => Bind(["--configurations", "Debug", "Releas"]));

        Assert.Equal("Invalid value 'Releas' for --configurations: expected one of Debug, Release. Did you mean Release?", exception.Message);
    }

    [Fact]
    public void Binder_sets_an_absolute_path_through_its_type_converter()
    {
        Assert.Equal(AbsolutePath.Create("/tmp/out"), Bind(["--output", "/tmp/build/../out/"]).Output);
    }

    [Fact]
    public void Binder_sets_a_field_parameter()
    {
        Assert.Equal("hi", Bind(["--greeting", "hi"]).Greeting);
    }

    [Fact]
    public void Binder_uses_the_name_given_in_the_attribute()
    {
        Assert.Equal("https://feed", Bind(["--feed", "https://feed"]).FeedUrl);
    }

    [Fact]
    public void Binder_asks_for_a_value_when_a_string_option_has_none()
    {
        var exception = Assert.Throws<KilnException>(() => Bind(["--name"]));

        Assert.Equal("--name needs a value: pass --name <string>.", exception.Message);
    }

    [Fact]
    public void Binder_rejects_several_values_for_a_single_value_parameter()
    {
        var exception = Assert.Throws<KilnException>(() => Bind(["--name", "a", "b"]));

        Assert.Equal("--name takes one value, but got 2 (a b): quote the value if it contains spaces.", exception.Message);
    }

    [Fact]
    public void Binder_rejects_an_unknown_option_and_suggests_the_closest()
    {
        var exception = Assert.Throws<KilnException>(() => Bind(["--retires", "2"]));

        Assert.Equal("Unknown parameter '--retires'. Did you mean --retries? Run with --help to list the parameters.", exception.Message);
    }

    [Fact]
    public void Binder_prefers_the_command_line_to_the_environment()
    {
        Assert.Equal("cli", Bind(["--name", "cli"], Environment(("NAME", "env"))).Name);
    }

    [Fact]
    public void Binder_prefers_the_environment_to_the_parameters_files()
    {
        Assert.Equal("env", Bind([], Environment(("NAME", "env")), files: [("parameters.json", "{ \"Name\": \"file\" }")]).Name);
    }

    [Fact]
    public void Binder_prefers_a_profile_file_to_parameters_json()
    {
        var values = Bind([], files: [("parameters.json", "{ \"Name\": \"base\", \"Retries\": 4 }"), ("parameters.ci.json", "{ \"Name\": \"ci\" }")]);

        Assert.Equal("ci", values.Name);
        Assert.Equal(4, values.Retries);
    }

    [Fact]
    public void Binder_lets_the_last_profile_win()
    {
        var values = Bind(
            [],
            files: [("parameters.json", "{ \"Name\": \"base\" }"), ("parameters.ci.json", "{ \"Name\": \"ci\" }"), ("parameters.release.json", "{ \"Name\": \"release\" }")]);

        Assert.Equal("release", values.Name);
    }

    [Fact]
    public void Binder_prefers_parameters_json_to_the_initial_value()
    {
        Assert.Equal(9, Bind([], files: [("parameters.json", "{ \"Retries\": 9 }")]).Retries);
    }

    [Fact]
    public void Binder_matches_file_keys_ignoring_case_and_dashes()
    {
        Assert.Equal("k", Bind([], files: [("parameters.json", "{ \"nuget-api-key\": \"k\" }")]).NuGetApiKey);
    }

    [Fact]
    public void Binder_prefers_the_exact_environment_name()
    {
        var values = Bind([], Environment(("NuGetApiKey", "exact"), ("NUGET_API_KEY", "loose")));

        Assert.Equal("exact", values.NuGetApiKey);
    }

    [Fact]
    public void Binder_matches_an_environment_variable_ignoring_case_and_underscores()
    {
        Assert.Equal("loose", Bind([], Environment(("NUGET_API_KEY", "loose"))).NuGetApiKey);
    }

    [Fact]
    public void Binder_rejects_an_unknown_key_in_a_parameters_file_with_file_and_line()
    {
        var exception = Assert.Throws<KilnException>(() => Bind([], files: [("parameters.json", "{\n  \"Name\": \"x\",\n  \"Retires\": 2\n}")]));

        Assert.Equal(".nuke/parameters.json(3): unknown parameter 'Retires'. Did you mean Retries? Fix the key or delete the entry.", exception.Message);
    }

    [Fact]
    public void Binder_names_file_line_and_key_of_a_bad_value_in_a_parameters_file()
    {
        var exception = Assert.Throws<KilnException>(() => Bind([], files: [("parameters.json", "{\n  \"Retries\": \"often\"\n}")]));

        Assert.StartsWith("Invalid value 'often' for .nuke/parameters.json(2) 'Retries': expected a", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Binder_registers_secret_values_with_the_masker()
    {
        Bind(["--token", "tok-123"]);

        Assert.Equal("use ***", masker.Apply("use tok-123"));
    }

    [Fact]
    public void Binder_does_not_show_a_bad_secret_value_in_the_error()
    {
        var exception = Assert.Throws<KilnException>(() => Bind(["--pin", "12ab"]));

        Assert.StartsWith("Invalid value '***' for --pin", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("12ab", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Binder_reads_engine_options_only_from_kiln_variables()
    {
        var options = new EngineOptions();
        var binder = new ParameterBinder(options.Describe());

        binder.Bind(
            CommandLineArguments.Parse([]),
            Environment(("TARGET", "Lint"), ("VERBOSITY", "Quiet"), ("KILN_SKIP", "Restore,Compile"), ("Plan", "true")),
            [],
            masker);

        Assert.Null(options.Target);
        Assert.Equal(Verbosity.Normal, options.Verbosity);
        Assert.Equal(["Restore", "Compile"], options.Skip!);
        Assert.False(options.Plan);
    }

    [Fact]
    public void Binder_bind_known_ignores_options_it_does_not_know()
    {
        var options = new EngineOptions();
        var binder = new ParameterBinder(options.Describe());

        binder.BindKnown(CommandLineArguments.Parse(["--configuration", "Release", "--verbosity", "minimal"]), Environment());

        Assert.Equal(Verbosity.Minimal, options.Verbosity);
    }

    [Fact]
    public void Binder_finds_a_parameter_by_any_spelling()
    {
        var binder = new ParameterBinder(ParameterDescriptor.FindIn(new Values()).ToList());

        Assert.Equal("NuGetApiKey", binder.Find("--nuget-api-key")?.Name);
        Assert.Equal("NuGetApiKey", binder.Find("NUGET_API_KEY")?.Name);
        Assert.Null(binder.Find("api-key"));
    }

    private Values Bind(string[] arguments, Dictionary<string, string>? environment = null, (string Name, string Json)[]? files = null, Values? initial = null)
    {
        var values = initial ?? new Values();
        var binder = new ParameterBinder(ParameterDescriptor.FindIn(values).ToList());
        var commandLine = CommandLineArguments.Parse(arguments);
        commandLine.ReleaseFlagValues(name => binder.Find(name) is { IsFlag: true });
        var parsed = (files ?? [])
            .Select(file => ParametersFile.Parse(Encoding.UTF8.GetBytes(file.Json), "/repo/.nuke/" + file.Name, ".nuke/" + file.Name))
            .ToList();
        binder.Bind(commandLine, environment ?? Environment(), parsed, masker);
        return values;
    }

    private static Dictionary<string, string> Environment(params (string Name, string Value)[] variables) =>
        variables.ToDictionary(variable => variable.Name, variable => variable.Value, StringComparer.Ordinal);

    private sealed class Values
    {
        [Parameter]
        public string Greeting = "hello";

        [Parameter]
        public string? Name { get; set; }

        [Parameter]
        public bool Fast { get; set; }

        [Parameter]
        public int Retries { get; set; } = 3;

        [Parameter]
        public int? Timeout { get; set; }

        [Parameter]
        public Configuration Configuration { get; set; }

        [Parameter]
        public string[]? Projects { get; set; }

        [Parameter]
        public Configuration[]? Configurations { get; set; }

        [Parameter]
        public AbsolutePath? Output { get; set; }

        [Parameter]
        public string? NuGetApiKey { get; set; }

        [Parameter(EnvironmentVariable = "AZURE_STORAGE_CONNECTION_STRING")]
        public string? StorageConnectionString { get; set; }

        [Parameter(Name = "Feed")]
        public string? FeedUrl { get; set; }

        [Parameter]
        [Secret]
        public string? Token { get; set; }

        [Parameter]
        [Secret]
        public int Pin { get; set; }
    }
}
