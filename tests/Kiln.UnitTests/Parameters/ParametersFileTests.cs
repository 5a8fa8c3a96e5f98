using System.Text;
using Kiln.Parameters;

namespace Kiln.UnitTests.Parameters;

public class ParametersFileTests
{
    [Fact]
    public void ParametersFile_reads_each_entry_with_its_values_as_text_and_its_line()
    {
        var file = Parse("""
            {
              "$schema": "./build.schema.json",
              "Configuration": "Release",
              "Retries": 5,
              "Fast": true,
              "Projects": ["a", 2, false],
              "Unset": null
            }
            """);

        Assert.Equal(
            [
                ("Configuration", "Release", 3),
                ("Retries", "5", 4),
                ("Fast", "true", 5),
                ("Projects", "a 2 false", 6),
            ],
            file.Entries.Select(entry => (entry.Key, string.Join(' ', entry.Values), entry.Line)));
    }

    [Fact]
    public void ParametersFile_allows_comments_and_trailing_commas()
    {
        var file = Parse("{\n  // the default\n  \"Configuration\": \"Release\",\n}");

        var entry = Assert.Single(file.Entries);
        Assert.Equal(("Configuration", 3), (entry.Key, entry.Line));
    }

    [Fact]
    public void ParametersFile_reports_broken_json_with_file_and_line()
    {
        var exception = Assert.Throws<KilnException>(() => Parse("{\n  \"Configuration\": \"Release\",\n  \"Fast\": tru\n}"));

        Assert.StartsWith(".nuke/parameters.json(3): ", exception.Message, StringComparison.Ordinal);
        Assert.EndsWith(". Fix the file, or delete the entry.", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParametersFile_requires_an_object()
    {
        var exception = Assert.Throws<KilnException>(() => Parse("[\"Release\"]"));

        Assert.Equal(
            ".nuke/parameters.json(1): the file must hold one JSON object, like { \"Configuration\": \"Release\" }. Fix the file, or delete the entry.",
            exception.Message);
    }

    [Fact]
    public void ParametersFile_rejects_an_object_value_naming_the_key_and_line()
    {
        var exception = Assert.Throws<KilnException>(() => Parse("{\n\n  \"Settings\": { \"A\": 1 }\n}"));

        Assert.Equal(
            ".nuke/parameters.json(3): 'Settings' must be a string, number, boolean or array, not an object. Fix the file, or delete the entry.",
            exception.Message);
    }

    [Fact]
    public void ParametersFile_rejects_an_array_holding_an_object()
    {
        var exception = Assert.Throws<KilnException>(() => Parse("{ \"Projects\": [\"a\", {}] }"));

        Assert.Equal(
            ".nuke/parameters.json(1): 'Projects' holds an array with an object, an array or null; use strings, numbers or booleans. Fix the file, or delete the entry.",
            exception.Message);
    }

    [Fact]
    public void ParametersFile_rejects_an_array_holding_nested_arrays_and_objects_after_reading_past_them()
    {
        var exception = Assert.Throws<KilnException>(() => Parse("{ \"Projects\": [[1, { \"a\": [2, \"]\"] }], \"b\"] }"));

        Assert.Equal(
            ".nuke/parameters.json(1): 'Projects' holds an array with an object, an array or null; use strings, numbers or booleans. Fix the file, or delete the entry.",
            exception.Message);
    }

    [Fact]
    public void ParametersFile_rejects_content_after_the_object()
    {
        var exception = Assert.Throws<KilnException>(() => Parse("{ \"A\": 1 }\n{ }"));

        Assert.StartsWith(".nuke/parameters.json(", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParametersFile_counts_lines_of_a_crlf_file()
    {
        var file = Parse("{\r\n  \"A\": 1,\r\n  \"B\": 2\r\n}");

        Assert.Equal([2, 3], file.Entries.Select(entry => entry.Line));
    }

    [Fact]
    public void ParametersFile_reads_escapes_numbers_in_every_json_form_and_block_comments()
    {
        var file = Parse("\uFEFF{ /* a note */ \"Path\": \"C:\\\\tools\\\\\\u00e9 \\\"x\\\"\", \"Ratio\": -1.5e+3, \"Zero\": 0, \"Empty\": [] }");

        Assert.Equal(
            [("Path", "C:\\tools\\\u00e9 \"x\""), ("Ratio", "-1.5e+3"), ("Zero", "0"), ("Empty", string.Empty)],
            file.Entries.Select(entry => (entry.Key, string.Join(' ', entry.Values))));
    }

    [Theory]
    [InlineData("{\n  \"A\": 01\n}", 2)]
    [InlineData("{\n  \"A\": \"open\n}", 2)]
    [InlineData("{\n  \"A\": \"\\q\"\n}", 2)]
    [InlineData("{\n  \"A\": 1\n  \"B\": 2\n}", 3)]
    [InlineData("{\n  \"A\" 1\n}", 2)]
    [InlineData("{\n  \"A\": [1 2]\n}", 2)]
    [InlineData("{\n  \"A\": 1,\n  /* never closed\n}", 3)]
    [InlineData("{\n  \"A\": 1,\n", 3)]
    public void ParametersFile_reports_each_kind_of_broken_json_at_its_line(string json, int line)
    {
        var exception = Assert.Throws<KilnException>(() => Parse(json));

        Assert.StartsWith($".nuke/parameters.json({line}): ", exception.Message, StringComparison.Ordinal);
        Assert.EndsWith(". Fix the file, or delete the entry.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParametersFile_names_what_it_expected_and_what_it_found()
    {
        var exception = Assert.Throws<KilnException>(() => Parse("{ \"A\": 1 \"B\": 2 }"));

        Assert.Equal(".nuke/parameters.json(1): expected ',' or '}', found '\"'. Fix the file, or delete the entry.", exception.Message);
    }

    private static ParametersFile Parse(string json) =>
        ParametersFile.Parse(Encoding.UTF8.GetBytes(json), "/repo/.nuke/parameters.json", ".nuke/parameters.json");
}
