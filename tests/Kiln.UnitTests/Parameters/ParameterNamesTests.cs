using Kiln.Parameters;

namespace Kiln.UnitTests.Parameters;

public class ParameterNamesTests
{
    [Theory]
    [InlineData("ApiKey", "api-key")]
    [InlineData("Configuration", "configuration")]
    [InlineData("HTTPTimeout", "http-timeout")]
    [InlineData("NuGetApiKey", "nuget-api-key")]
    [InlineData("GitHubToken", "github-token")]
    [InlineData("Net10Target", "net10-target")]
    [InlineData("IO", "io")]
    [InlineData("already-kebab", "already-kebab")]
    public void ParameterNames_spell_a_name_in_kebab_case(string name, string expected)
    {
        Assert.Equal(expected, ParameterNames.ToKebabCase(name));
    }

    [Theory]
    [InlineData("ApiKey", "API_KEY")]
    [InlineData("Configuration", "CONFIGURATION")]
    [InlineData("HTTPTimeout", "HTTP_TIMEOUT")]
    [InlineData("AzureStorageAccount", "AZURE_STORAGE_ACCOUNT")]
    [InlineData("NuGetApiKey", "NUGET_API_KEY")]
    [InlineData("GitHubToken", "GITHUB_TOKEN")]
    public void ParameterNames_spell_a_name_as_an_environment_variable(string name, string expected)
    {
        Assert.Equal(expected, ParameterNames.ToEnvironmentName(name));
    }

    [Theory]
    [InlineData("--nuget-api-key")]
    [InlineData("NUGET_API_KEY")]
    [InlineData("NuGetApiKey")]
    public void ParameterNames_normalize_every_spelling_to_the_same_form(string spelling)
    {
        Assert.Equal("nugetapikey", ParameterNames.Normalize(spelling));
    }
}
