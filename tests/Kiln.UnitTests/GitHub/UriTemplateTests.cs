using Kiln.GitHub;

namespace Kiln.UnitTests.GitHub;

public sealed class UriTemplateTests
{
    private const string UploadUrl = "https://uploads.github.com/repos/o/r/releases/1/assets{?name,label}";

    [Fact]
    public void The_upload_url_gets_the_name_and_leaves_out_the_label_without_a_value()
    {
        Assert.Equal(
            new Uri("https://uploads.github.com/repos/o/r/releases/1/assets?name=Kiln.1.2.0.nupkg"),
            UriTemplate.Expand(UploadUrl, Values(("name", "Kiln.1.2.0.nupkg"))));
    }

    [Fact]
    public void Values_are_percent_encoded()
    {
        Assert.Equal(
            "https://uploads.github.com/repos/o/r/releases/1/assets?name=A%20B%2B1.nupkg&label=x%26y",
            UriTemplate.Expand(UploadUrl, Values(("name", "A B+1.nupkg"), ("label", "x&y"))).AbsoluteUri);
    }

    [Fact]
    public void A_query_continuation_and_a_simple_expression_are_expanded()
    {
        Assert.Equal(
            new Uri("https://example.test/assets/7?page=1&name=a.nupkg"),
            UriTemplate.Expand("https://example.test/assets/{id}?page=1{&name}", Values(("id", "7"), ("name", "a.nupkg"))));
    }

    [Fact]
    public void A_query_expression_with_no_value_disappears()
    {
        Assert.Equal(new Uri("https://uploads.github.com/repos/o/r/releases/1/assets"), UriTemplate.Expand(UploadUrl, Values()));
    }

    [Fact]
    public void An_operator_it_does_not_expand_is_refused_rather_than_guessed()
    {
        var exception = Assert.Throws<KilnException>(() => UriTemplate.Expand("https://example.test/assets{/name}", Values(("name", "a"))));

        Assert.StartsWith("GitHub answered with the URL template 'https://example.test/assets{/name}', which Kiln cannot expand", exception.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Values(params (string Name, string Value)[] values) =>
        values.ToDictionary(value => value.Name, value => value.Value, StringComparer.Ordinal);
}
