using System.Text.Json;
using Kiln.Versioning.Configuration;
using Kiln.Versioning.Output;
using static Kiln.UnitTests.Versioning.VersionVariablesTests;

namespace Kiln.UnitTests.Versioning;

/// <summary>The JSON has the shape of GitVersion's /output json: its names in its order, its types, two-space indents.</summary>
public sealed class VersionVariablesJsonTests
{
    [Fact]
    public void Json_is_GitVersions_output_for_a_main_branch_pre_release()
    {
        var variables = VersionVariables.From(Result(Version(1, 0, 1, "", 2), commits: 2), new Dictionary<string, string>());

        var expected = """
            {
              "AssemblySemFileVer": "1.0.1.0",
              "AssemblySemVer": "1.0.1.0",
              "BranchName": "main",
              "BuildMetaData": null,
              "CommitDate": "2024-03-01",
              "CommitsSinceVersionSource": 2,
              "EscapedBranchName": "main",
              "FullBuildMetaData": "Branch.main.Sha.0123456789abcdef0123456789abcdef01234567",
              "FullSemVer": "1.0.1-2",
              "InformationalVersion": "1.0.1-2+Branch.main.Sha.0123456789abcdef0123456789abcdef01234567",
              "Major": 1,
              "MajorMinorPatch": "1.0.1",
              "Minor": 0,
              "Patch": 1,
              "PreReleaseLabel": "",
              "PreReleaseLabelWithDash": "",
              "PreReleaseNumber": 2,
              "PreReleaseTag": "2",
              "PreReleaseTagWithDash": "-2",
              "SemVer": "1.0.1-2",
              "Sha": "0123456789abcdef0123456789abcdef01234567",
              "ShortSha": "0123456",
              "UncommittedChanges": 0,
              "VersionSourceDistance": 2,
              "VersionSourceIncrement": "Patch",
              "VersionSourceSemVer": "1.0.0",
              "VersionSourceSha": "fedcba9876543210fedcba9876543210fedcba98",
              "WeightedPreReleaseNumber": 55002
            }
            """;
        Assert.Equal(expected.ReplaceLineEndings(), variables.ToJson().ReplaceLineEndings());
    }

    [Fact]
    public void Json_writes_numbers_as_numbers_absent_values_as_null_and_the_rest_as_strings()
    {
        var configuration = new GitVersionConfiguration { AssemblyVersioningScheme = AssemblyVersioningScheme.None };
        var result = Result(Version(1, 2, 0), configuration: configuration) with { VersionSourceSha = null };

        using var json = JsonDocument.Parse(VersionVariables.From(result, new Dictionary<string, string>()).ToJson());

        string[] numbers = ["CommitsSinceVersionSource", "Major", "Minor", "Patch", "UncommittedChanges", "VersionSourceDistance", "WeightedPreReleaseNumber"];
        string[] nulls = ["AssemblySemVer", "BuildMetaData", "PreReleaseNumber", "VersionSourceSha"];
        foreach (var property in json.RootElement.EnumerateObject())
        {
            var expected = numbers.Contains(property.Name) ? JsonValueKind.Number
                : nulls.Contains(property.Name) ? JsonValueKind.Null
                : JsonValueKind.String;
            Assert.True(expected == property.Value.ValueKind, $"{property.Name} is {property.Value.ValueKind}, expected {expected}.");
        }
    }

    [Fact]
    public void Json_writes_build_metadata_and_pre_release_number_as_numbers_when_present()
    {
        var result = Result(Version(2, 0, 0, "beta", 1), branch: "release/2.0.0", buildMetaData: 5);

        using var json = JsonDocument.Parse(VersionVariables.From(result, new Dictionary<string, string>()).ToJson());

        Assert.Equal(5, json.RootElement.GetProperty("BuildMetaData").GetInt64());
        Assert.Equal(1, json.RootElement.GetProperty("PreReleaseNumber").GetInt64());
    }

    [Fact]
    public void Json_keeps_plus_and_quotes_readable_as_GitVersion_writes_them()
    {
        var configuration = new GitVersionConfiguration { AssemblyInformationalFormat = "{SemVer}+\"quoted\" <b> & 'single'" };

        var json = VersionVariables.From(Result(Version(1, 0, 0), configuration: configuration), new Dictionary<string, string>()).ToJson();

        Assert.Contains("\"InformationalVersion\": \"1.0.0+\\\"quoted\\\" <b> & 'single'\"", json, StringComparison.Ordinal);
    }
}
