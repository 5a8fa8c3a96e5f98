using Kiln.Logging;

namespace Kiln.UnitTests.Logging;

public sealed class MessageTemplateTests
{
    [Fact]
    public void Named_holes_take_the_values_in_order()
    {
        Assert.Equal("Building 1.2.3 of App", MessageTemplate.Render("Building {Version} of {Project}", ["1.2.3", "App"]));
    }

    [Fact]
    public void A_repeated_name_repeats_its_value()
    {
        Assert.Equal("1.0 then 1.0 and x", MessageTemplate.Render("{V} then {V} and {Other}", ["1.0", "x"]));
    }

    [Fact]
    public void Numbered_holes_take_the_value_at_their_index()
    {
        Assert.Equal("b a", MessageTemplate.Render("{1} {0}", ["a", "b"]));
    }

    [Fact]
    public void A_format_is_applied_in_the_invariant_culture()
    {
        Assert.Equal("took 1,234.50 ms on 2026-12-05", MessageTemplate.Render("took {Elapsed:N2} ms on {Day:yyyy-MM-dd}", [1234.5, new DateTime(2026, 12, 5)]));
    }

    [Fact]
    public void Alignment_pads_left_or_right()
    {
        Assert.Equal("[   7|ab  ]", MessageTemplate.Render("[{Count,4}|{Name,-4}]", [7, "ab"]));
    }

    [Fact]
    public void At_shows_an_objects_public_properties_and_quotes_its_strings()
    {
        Assert.Equal("package { Id: \"App\", Count: 2 }", MessageTemplate.Render("package {@Package}", [new { Id = "App", Count = 2 }]));
        Assert.Equal("coordinate Point { X: 1, Y: 2 }", MessageTemplate.Render("coordinate {@Point}", [new Point(1, 2)]));
    }

    [Fact]
    public void A_collection_shows_its_items_and_a_dictionary_its_pairs()
    {
        Assert.Equal("projects [\"A\", \"B\"]", MessageTemplate.Render("projects {Projects}", [new List<string> { "A", "B" }]));
        Assert.Equal("versions { App: \"1.0\" }", MessageTemplate.Render("versions {@Versions}", [new Dictionary<string, string> { ["App"] = "1.0" }]));
    }

    [Fact]
    public void Dollar_shows_ToString()
    {
        Assert.Equal("point Point { X = 1, Y = 2 }", MessageTemplate.Render("point {$Point}", [new Point(1, 2)]));
    }

    [Fact]
    public void Doubled_braces_are_braces_and_a_hole_without_a_value_stays_as_written()
    {
        Assert.Equal("{literal} 1 {Missing}", MessageTemplate.Render("{{literal}} {One} {Missing}", [1]));
    }

    [Fact]
    public void Text_that_is_not_a_hole_is_left_alone()
    {
        Assert.Equal("json { \"a\": 1 } and {} done", MessageTemplate.Render("json { \"a\": 1 } and {} {Word}", ["done"]));
    }

    [Fact]
    public void Null_renders_as_null()
    {
        Assert.Equal("value null", MessageTemplate.Render("value {Value}", [null]));
    }

    private sealed record Point(int X, int Y);
}
