using Kiln.Planning;

namespace Kiln.UnitTests.Planning;

public class NameSuggestionsTests
{
    private static readonly string[] Targets = ["Restore", "Compile", "UnitTest", "IntegrationTest", "Pack"];

    [Fact]
    public void NameSuggestions_find_a_name_one_typo_away()
    {
        Assert.Equal(["Compile"], NameSuggestions.Closest("Compiel", Targets));
    }

    [Fact]
    public void NameSuggestions_ignore_case_and_separators()
    {
        Assert.Equal(["UnitTest"], NameSuggestions.Closest("unit-test", Targets));
    }

    [Fact]
    public void NameSuggestions_offer_names_that_contain_what_was_typed_closest_first()
    {
        Assert.Equal(["UnitTest", "IntegrationTest"], NameSuggestions.Closest("Test", Targets));
    }

    [Fact]
    public void NameSuggestions_offer_nothing_when_nothing_is_close()
    {
        Assert.Empty(NameSuggestions.Closest("Deploy", Targets));
        Assert.Equal(string.Empty, NameSuggestions.DidYouMean("Deploy", Targets));
    }

    [Fact]
    public void NameSuggestions_join_several_names_with_or()
    {
        Assert.Equal(" Did you mean Pack or Pick?", NameSuggestions.DidYouMean("Pck", ["Pack", "Pick", "Restore"]));
    }

    [Fact]
    public void NameSuggestions_format_the_suggested_names()
    {
        Assert.Equal(" Did you mean --api-key?", NameSuggestions.DidYouMean("api-kye", ["ApiKey"], name => "--api-key"));
    }

    [Fact]
    public void NameSuggestions_offer_at_most_three_names()
    {
        Assert.Equal(["Aa", "Ab", "Ac"], NameSuggestions.Closest("A", ["Aa", "Ab", "Ac", "Ad"]));
    }
}
