using Kiln.Scanning.Dependencies;
using NuGet.Versioning;

namespace Kiln.UnitTests.Scanning.Dependencies;

public sealed class AdvisoryMatchingTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("kiln-advisories-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData("12.0.1", true)]
    [InlineData("9.0.1", true)]
    [InlineData("13.0.1-beta1", true)]
    [InlineData("13.0.1", false)]
    [InlineData("13.0.3", false)]
    public void Fixed_ends_the_affected_range_just_before_the_fixed_version(string version, bool affected)
    {
        var advisory = Single(Advisories.NewtonsoftJson);

        Assert.Equal(affected, advisory.Match("Newtonsoft.Json", NuGetVersion.Parse(version)) is not null);
    }

    [Fact]
    public void A_match_in_a_fixed_range_names_the_fixed_version() =>
        Assert.Equal("13.0.1", Single(Advisories.NewtonsoftJson).Match("newtonsoft.json", NuGetVersion.Parse("12.0.1"))?.FixedVersion);

    [Theory]
    [InlineData("1.9.9", false)]
    [InlineData("2.0.0", true)]
    [InlineData("2.4.0", true)]
    [InlineData("2.4.1", false)]
    public void Last_affected_includes_that_version_and_no_later_one(string version, bool affected)
    {
        var advisory = Single(Advisories.For("Lib", ["""[{ "introduced": "2.0" }, { "last_affected": "2.4.0" }]"""]));

        Assert.Equal(affected, advisory.Match("Lib", NuGetVersion.Parse(version)) is not null);
    }

    [Theory]
    [InlineData("2.9.0", false)]
    [InlineData("3.0.0", true)]
    [InlineData("99.0.0", true)]
    public void Introduced_without_an_end_affects_every_later_version(string version, bool affected)
    {
        var advisory = Single(Advisories.For("Lib", ["""[{ "introduced": "3.0.0" }]"""]));

        Assert.Equal(affected, advisory.Match("Lib", NuGetVersion.Parse(version)) is not null);
    }

    [Theory]
    [InlineData("1.0.0", true)]
    [InlineData("1.5.0", false)]
    [InlineData("2.0.0", true)]
    [InlineData("2.0.5", false)]
    public void Each_range_is_matched_on_its_own(string version, bool affected)
    {
        var advisory = Single(Advisories.For("Lib", ["""[{ "introduced": "0" }, { "fixed": "1.1.0" }]""", """[{ "introduced": "2.0.0" }, { "fixed": "2.0.5" }]"""]));

        Assert.Equal(affected, advisory.Match("Lib", NuGetVersion.Parse(version)) is not null);
    }

    [Fact]
    public void Listed_versions_are_affected_with_NuGet_version_equality()
    {
        var advisory = Single(Advisories.For("Lib", [], versions: ["1.2", "1.4.0"]));

        Assert.NotNull(advisory.Match("Lib", NuGetVersion.Parse("1.2.0")));
        Assert.Null(advisory.Match("Lib", NuGetVersion.Parse("1.3.0")));
    }

    [Fact]
    public void Another_package_is_not_matched() =>
        Assert.Null(Single(Advisories.NewtonsoftJson).Match("Newtonsoft.Json.Bson", NuGetVersion.Parse("1.0.0")));

    [Fact]
    public void A_file_holds_one_advisory_or_an_array_and_a_folder_is_searched_for_them()
    {
        Directory.CreateDirectory(Path.Combine(folder, "2022"));
        File.WriteAllText(Path.Combine(folder, "2022", "one.json"), Advisories.NewtonsoftJson);
        File.WriteAllText(Path.Combine(folder, "many.json"), $"[{Advisories.For("A", [], id: "GHSA-1111-1111-1111")},{Advisories.For("B", [], id: "GHSA-2222-2222-2222")}]");

        var (advisories, files) = AdvisoryFiles.Load([folder]);

        Assert.Equal(["GHSA-1111-1111-1111", "GHSA-2222-2222-2222", "GHSA-5crp-9r3c-p9vr"], advisories.Select(advisory => advisory.Id).Order(StringComparer.Ordinal));
        Assert.Equal(2, files.Count);
    }

    [Fact]
    public void An_advisory_keeps_its_summary_severity_and_aliases()
    {
        var advisory = Single(Advisories.NewtonsoftJson);

        Assert.Equal("Improper Handling of Exceptional Conditions in Newtonsoft.Json", advisory.Summary);
        Assert.Equal("high", advisory.Severity);
        Assert.Equal(["CVE-2024-21907"], advisory.Aliases);
    }

    [Fact]
    public void Withdrawn_advisories_and_other_ecosystems_are_left_out()
    {
        var withdrawn = Advisories.For("A", ["""[{ "introduced": "0" }]"""], extra: "\"withdrawn\": \"2024-01-01T00:00:00Z\",");
        var npm = Advisories.For("A", ["""[{ "introduced": "0" }]"""]).Replace("\"NuGet\"", "\"npm\"", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(folder, "a.json"), $"[{withdrawn},{npm}]");

        Assert.Empty(AdvisoryFiles.Load([folder]).Advisories);
    }

    [Fact]
    public void A_file_that_is_not_advisory_json_is_refused_by_name()
    {
        var file = Path.Combine(folder, "broken.json");
        File.WriteAllText(file, "{ not json");

        var exception = Assert.Throws<KilnException>(() => AdvisoryFiles.Load([file]));

        Assert.StartsWith($"{file} is not valid JSON", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_advisory_path_is_refused()
    {
        var missing = Path.Combine(folder, "missing");

        var exception = Assert.Throws<KilnException>(() => AdvisoryFiles.Load([missing]));

        Assert.Equal($"The advisory path {missing} does not exist: pass a GitHub advisory JSON file, or a folder of them.", exception.Message);
    }

    private Advisory Single(string json)
    {
        var file = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(file, json);
        return Assert.Single(AdvisoryFiles.Read(file));
    }
}
