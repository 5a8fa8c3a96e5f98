using Kiln.Scanning.Dependencies;

namespace Kiln.UnitTests.Scanning.Dependencies;

public sealed class DotNetListVulnerableTests
{
    [Fact]
    public void Lines_before_the_json_report_are_skipped()
    {
        const string output = """
            Restore complete (0.6s)
            { "version": 1, "projects": [{ "path": "/repo/src/App/App.csproj", "frameworks": [{ "framework": "net10.0",
              "topLevelPackages": [{ "id": "A", "resolvedVersion": "1.0.0", "vulnerabilities": [{ "severity": "Critical", "advisoryurl": "https://github.com/advisories/GHSA-aaaa-bbbb-cccc" }] }] }] }] }
            """;

        var match = Assert.Single(DotNetListVulnerable.Parse(output, "/repo"));

        Assert.Equal(new VulnerabilityMatch("src/App/App.csproj", "A", "1.0.0", true, "GHSA-aaaa-bbbb-cccc", "critical", "", null), match);
    }

    [Fact]
    public void Output_that_is_not_the_json_report_is_an_error_that_says_to_run_it_by_hand()
    {
        var exception = Assert.Throws<KilnException>(() => DotNetListVulnerable.Parse("error: something { broke", "/repo"));

        Assert.StartsWith("dotnet list package --vulnerable --format json printed something that is not JSON", exception.Message, StringComparison.Ordinal);
    }
}
