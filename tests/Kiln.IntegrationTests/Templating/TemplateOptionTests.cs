using System.Text.Json;

namespace Kiln.IntegrationTests.Templating;

/// <summary>The options `dotnet new kiln` declares (src/Kiln.Templates' dotnetcli.host.json), read as dotnet new reads them.</summary>
public sealed class TemplateOptionTests
{
    /// <summary>dotnet new's own short options: the CLI takes them before the template sees them.</summary>
    private static readonly string[] DotnetNewShortOptions = ["d", "o", "n", "v", "h", "?", "lang"];

    [Fact]
    public void No_short_option_of_the_template_is_one_dotnet_new_takes_for_itself()
    {
        var host = Path.Combine(RepositoryRoot.Path, "src", "Kiln.Templates", "content", "kiln", ".template.config", "dotnetcli.host.json");
        using var json = JsonDocument.Parse(File.ReadAllText(host));

        foreach (var symbol in json.RootElement.GetProperty("symbolInfo").EnumerateObject())
        {
            var shortName = symbol.Value.TryGetProperty("shortName", out var value) ? value.GetString() : null;
            Assert.False(
                DotnetNewShortOptions.Contains(shortName),
                $"--{symbol.Value.GetProperty("longName").GetString()} has the short option -{shortName}, which dotnet new takes for itself (-d is --diagnostics): the template would never see it.");
        }
    }
}
