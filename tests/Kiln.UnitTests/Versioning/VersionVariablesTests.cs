using Kiln.Versioning;
using Kiln.Versioning.Calculation;
using Kiln.Versioning.Configuration;
using Kiln.Versioning.Output;

namespace Kiln.UnitTests.Versioning;

/// <summary>Each output variable's rule, from hand-built calculator results (GitVersion 6.x's definitions).</summary>
public sealed class VersionVariablesTests
{
    private const string Sha = "0123456789abcdef0123456789abcdef01234567";

    [Fact]
    public void An_empty_label_gives_a_number_only_pre_release()
    {
        var variables = Variables(Result(Version(1, 0, 4, "", 5), preReleaseWeight: 55000));

        Assert.Equal("1.0.4-5", variables.SemVer);
        Assert.Equal("1.0.4-5", variables.FullSemVer);
        Assert.Equal("1.0.4", variables.MajorMinorPatch);
        Assert.Equal("5", variables.PreReleaseTag);
        Assert.Equal("-5", variables.PreReleaseTagWithDash);
        Assert.Equal(string.Empty, variables.PreReleaseLabel);
        Assert.Equal(string.Empty, variables.PreReleaseLabelWithDash);
        Assert.Equal(5, variables.PreReleaseNumber);
        Assert.Null(variables.BuildMetaData);
        Assert.Equal($"Branch.main.Sha.{Sha}", variables.FullBuildMetaData);
        Assert.Equal($"1.0.4-5+Branch.main.Sha.{Sha}", variables.InformationalVersion);
    }

    [Fact]
    public void Manual_deployment_metadata_goes_into_FullSemVer_and_leads_FullBuildMetaData()
    {
        var variables = Variables(Result(Version(2, 0, 0, "beta", 1), branch: "release/2.0.0", buildMetaData: 5));

        Assert.Equal("2.0.0-beta.1", variables.SemVer);
        Assert.Equal("2.0.0-beta.1+5", variables.FullSemVer);
        Assert.Equal(5, variables.BuildMetaData);
        Assert.Equal("beta", variables.PreReleaseLabel);
        Assert.Equal("-beta", variables.PreReleaseLabelWithDash);
        Assert.Equal("beta.1", variables.PreReleaseTag);
        Assert.Equal("-beta.1", variables.PreReleaseTagWithDash);
        Assert.Equal($"5.Branch.release-2.0.0.Sha.{Sha}", variables.FullBuildMetaData);
        Assert.Equal($"2.0.0-beta.1+5.Branch.release-2.0.0.Sha.{Sha}", variables.InformationalVersion);
    }

    [Fact]
    public void A_tagged_head_is_a_release_without_pre_release_or_metadata()
    {
        var variables = Variables(Result(Version(1, 2, 0), commits: 0));

        Assert.Equal("1.2.0", variables.SemVer);
        Assert.Equal("1.2.0", variables.FullSemVer);
        Assert.Equal(string.Empty, variables.PreReleaseTag);
        Assert.Equal(string.Empty, variables.PreReleaseTagWithDash);
        Assert.Null(variables.PreReleaseNumber);
        Assert.Null(variables.BuildMetaData);
        Assert.Equal(0, variables.CommitsSinceVersionSource);
        Assert.Equal($"1.2.0+Branch.main.Sha.{Sha}", variables.InformationalVersion);
    }

    [Fact]
    public void WeightedPreReleaseNumber_adds_the_branch_weight_to_the_number()
    {
        Assert.Equal(30003, Variables(Result(Version(2, 0, 0, "beta", 3), preReleaseWeight: 30000)).WeightedPreReleaseNumber);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("beta")]
    public void WeightedPreReleaseNumber_is_the_tag_weight_when_there_is_no_number(string? label)
    {
        var version = label is null ? Version(1, 0, 0) : Version(1, 0, 0, label, null);

        var variables = Variables(Result(version, preReleaseWeight: 30000, configuration: new GitVersionConfiguration { TagPreReleaseWeight = 65000 }));

        Assert.Equal(65000, variables.WeightedPreReleaseNumber);
    }

    [Theory]
    [InlineData(AssemblyVersioningScheme.MajorMinorPatchTag, "1.2.3.4")]
    [InlineData(AssemblyVersioningScheme.MajorMinorPatch, "1.2.3.0")]
    [InlineData(AssemblyVersioningScheme.MajorMinor, "1.2.0.0")]
    [InlineData(AssemblyVersioningScheme.Major, "1.0.0.0")]
    [InlineData(AssemblyVersioningScheme.None, null)]
    public void AssemblySemVer_follows_its_scheme(AssemblyVersioningScheme scheme, string? expected)
    {
        var configuration = new GitVersionConfiguration { AssemblyVersioningScheme = scheme };

        var variables = Variables(Result(Version(1, 2, 3, "beta", 4), configuration: configuration));

        Assert.Equal(expected, variables.AssemblySemVer);
        Assert.Equal("1.2.3.0", variables.AssemblySemFileVer);
    }

    [Theory]
    [InlineData(AssemblyVersioningScheme.MajorMinorPatchTag, "1.2.3.4")]
    [InlineData(AssemblyVersioningScheme.MajorMinor, "1.2.0.0")]
    [InlineData(AssemblyVersioningScheme.None, null)]
    public void AssemblySemFileVer_follows_its_own_scheme(AssemblyVersioningScheme scheme, string? expected)
    {
        var configuration = new GitVersionConfiguration { AssemblyFileVersioningScheme = scheme };

        var variables = Variables(Result(Version(1, 2, 3, "beta", 4), configuration: configuration));

        Assert.Equal(expected, variables.AssemblySemFileVer);
        Assert.Equal("1.2.3.0", variables.AssemblySemVer);
    }

    [Fact]
    public void MajorMinorPatchTag_puts_zero_when_there_is_no_pre_release_number()
    {
        var configuration = new GitVersionConfiguration { AssemblyVersioningScheme = AssemblyVersioningScheme.MajorMinorPatchTag };

        Assert.Equal("1.2.3.0", Variables(Result(Version(1, 2, 3), configuration: configuration)).AssemblySemVer);
    }

    [Fact]
    public void A_versioning_format_overrides_the_scheme_even_None()
    {
        var configuration = new GitVersionConfiguration
        {
            AssemblyVersioningScheme = AssemblyVersioningScheme.None,
            AssemblyVersioningFormat = "{Major}.{Minor}.{Patch}.{WeightedPreReleaseNumber}",
            AssemblyFileVersioningFormat = "{MajorMinorPatch}.{CommitsSinceVersionSource}",
        };

        var variables = Variables(Result(Version(1, 2, 3, "beta", 4), preReleaseWeight: 30000, commits: 7, configuration: configuration));

        Assert.Equal("1.2.3.30004", variables.AssemblySemVer);
        Assert.Equal("1.2.3.7", variables.AssemblySemFileVer);
    }

    [Fact]
    public void The_informational_format_replaces_the_default_informational_version()
    {
        var configuration = new GitVersionConfiguration { AssemblyInformationalFormat = "{FullSemVer} ({BranchName}, {ShortSha})" };

        var variables = Variables(Result(Version(1, 0, 1, "", 2), branch: "main", configuration: configuration));

        Assert.Equal("1.0.1-2 (main, 0123456)", variables.InformationalVersion);
    }

    [Fact]
    public void A_format_falls_back_when_the_variable_is_null()
    {
        var configuration = new GitVersionConfiguration { AssemblyFileVersioningFormat = "{Major}.{Minor}.{Patch}.{PreReleaseNumber ?? 0}" };

        Assert.Equal("1.2.3.0", Variables(Result(Version(1, 2, 3), configuration: configuration)).AssemblySemFileVer);
    }

    [Fact]
    public void A_format_applies_number_date_and_text_formats()
    {
        var configuration = new GitVersionConfiguration
        {
            AssemblyInformationalFormat = "{MajorMinorPatch}-{CommitsSinceVersionSource:0000}-{CommitDate:yyyyMMdd}-{EscapedBranchName:u}",
        };

        var variables = Variables(Result(Version(1, 2, 3), branch: "feature/login", commits: 42, configuration: configuration));

        Assert.Equal("1.2.3-0042-20240301-FEATURE-LOGIN", variables.InformationalVersion);
    }

    [Fact]
    public void A_format_reads_environment_variables_with_and_without_fallbacks()
    {
        var configuration = new GitVersionConfiguration
        {
            AssemblyFileVersioningFormat = "{Major}.{Minor}.{Patch}.{env:BUILD_NUMBER}",
            AssemblyVersioningFormat = "{Major}.{Minor}.{Patch}.{env:MISSING ?? 42}",
            AssemblyInformationalFormat = "{SemVer}+{env:BUILD_TAG ?? \"local build {x}\"}",
        };
        var environment = new Dictionary<string, string> { ["BUILD_NUMBER"] = "17" };

        var variables = VersionVariables.From(Result(Version(1, 2, 3), configuration: configuration), environment);

        Assert.Equal("1.2.3.17", variables.AssemblySemFileVer);
        Assert.Equal("1.2.3.42", variables.AssemblySemVer);
        Assert.Equal("1.2.3+local build {x}", variables.InformationalVersion);
    }

    [Fact]
    public void A_format_with_an_unset_environment_variable_and_no_fallback_fails_naming_it()
    {
        var configuration = new GitVersionConfiguration { AssemblyFileVersioningFormat = "{Major}.{Minor}.{Patch}.{env:BUILD_NUMBER}" };

        var exception = Assert.Throws<VersioningException>(() => VersionVariables.From(Result(Version(1, 2, 3), configuration: configuration), new Dictionary<string, string>()));

        Assert.Equal(
            "The assembly-file-versioning-format '{Major}.{Minor}.{Patch}.{env:BUILD_NUMBER}' reads the environment variable BUILD_NUMBER, which is not set: set it, or give a fallback as {env:BUILD_NUMBER ?? \"value\"}.",
            exception.Message);
    }

    [Fact]
    public void A_format_naming_an_unknown_variable_fails_with_the_closest_name()
    {
        var configuration = new GitVersionConfiguration { AssemblyVersioningFormat = "{Major}.{Minr}.0.0" };

        var exception = Assert.Throws<VersioningException>(() => Variables(Result(Version(1, 2, 3), configuration: configuration)));

        Assert.Equal("The assembly-versioning-format '{Major}.{Minr}.0.0' refers to {Minr}, which is not a version variable. Did you mean Minor?", exception.Message);
    }

    [Fact]
    public void A_format_keeps_braces_that_hold_no_placeholder()
    {
        var configuration = new GitVersionConfiguration { AssemblyInformationalFormat = "{SemVer} { not a placeholder } {" };

        Assert.Equal("1.2.3 { not a placeholder } {", Variables(Result(Version(1, 2, 3), configuration: configuration)).InformationalVersion);
    }

    [Fact]
    public void Formats_refer_to_the_scheme_values_not_to_other_formats()
    {
        var configuration = new GitVersionConfiguration
        {
            AssemblyFileVersioningFormat = "9.9.9.9",
            AssemblyInformationalFormat = "{AssemblySemFileVer}",
        };

        Assert.Equal("1.2.3.0", Variables(Result(Version(1, 2, 3), configuration: configuration)).InformationalVersion);
    }

    [Theory]
    [InlineData("main", "main", "main")]
    [InlineData("feature/JIRA-123_login page", "feature-JIRA-123-login-page", "feature-JIRA-123-login-page")]
    [InlineData("release/2.0.0", "release-2-0-0", "release-2.0.0")]
    [InlineData("pull/2/merge", "pull-2-merge", "pull-2-merge")]
    public void Branch_names_are_escaped_keeping_dots_only_in_the_metadata(string branch, string escaped, string inMetadata)
    {
        var variables = Variables(Result(Version(1, 0, 0, "x", 1), branch: branch));

        Assert.Equal(branch, variables.BranchName);
        Assert.Equal(escaped, variables.EscapedBranchName);
        Assert.Equal($"Branch.{inMetadata}.Sha.{Sha}", variables.FullBuildMetaData);
    }

    [Fact]
    public void CommitDate_is_the_utc_date_in_the_default_format()
    {
        var commitDate = new DateTimeOffset(2024, 3, 1, 1, 30, 0, TimeSpan.FromHours(2));

        Assert.Equal("2024-02-29", Variables(Result(Version(1, 0, 0), commitDate: commitDate)).CommitDate);
    }

    [Fact]
    public void CommitDate_follows_commit_date_format()
    {
        var configuration = new GitVersionConfiguration { CommitDateFormat = "yyyyMMdd'T'HHmm" };

        Assert.Equal("20240301T1200", Variables(Result(Version(1, 0, 0), configuration: configuration)).CommitDate);
    }

    [Fact]
    public void Sha_is_the_full_id_and_ShortSha_its_first_seven_characters()
    {
        var variables = Variables(Result(Version(1, 0, 0)));

        Assert.Equal(Sha, variables.Sha);
        Assert.Equal("0123456", variables.ShortSha);
    }

    [Fact]
    public void Version_source_variables_come_from_the_result()
    {
        var result = Result(Version(1, 0, 4, "", 5), commits: 5) with
        {
            VersionSourceSha = "fedcba9876543210fedcba9876543210fedcba98",
            VersionSourceSemVer = Version(1, 0, 3),
            VersionSourceIncrement = IncrementStrategy.Patch,
            UncommittedChanges = 2,
        };

        var variables = Variables(result);

        Assert.Equal("fedcba9876543210fedcba9876543210fedcba98", variables.VersionSourceSha);
        Assert.Equal("1.0.3", variables.VersionSourceSemVer);
        Assert.Equal("Patch", variables.VersionSourceIncrement);
        Assert.Equal(5, variables.CommitsSinceVersionSource);
        Assert.Equal(5, variables.VersionSourceDistance);
        Assert.Equal(2, variables.UncommittedChanges);
    }

    [Fact]
    public void Names_are_GitVersions_json_order_and_Variables_follow_it()
    {
        string[] expected =
        [
            "AssemblySemFileVer", "AssemblySemVer", "BranchName", "BuildMetaData", "CommitDate", "CommitsSinceVersionSource",
            "EscapedBranchName", "FullBuildMetaData", "FullSemVer", "InformationalVersion", "Major", "MajorMinorPatch", "Minor",
            "Patch", "PreReleaseLabel", "PreReleaseLabelWithDash", "PreReleaseNumber", "PreReleaseTag", "PreReleaseTagWithDash",
            "SemVer", "Sha", "ShortSha", "UncommittedChanges", "VersionSourceDistance", "VersionSourceIncrement",
            "VersionSourceSemVer", "VersionSourceSha", "WeightedPreReleaseNumber",
        ];

        Assert.Equal(expected, VersionVariables.Names);
        Assert.Equal(expected, Variables(Result(Version(1, 0, 0))).Variables.Select(variable => variable.Key));
    }

    [Fact]
    public void The_indexer_reads_a_variable_as_text_ignoring_the_names_case()
    {
        var variables = Variables(Result(Version(1, 0, 4, "", 5)));

        Assert.Equal("1.0.4-5", variables["semver"]);
        Assert.Equal("5", variables["PRERELEASENUMBER"]);
        Assert.Null(variables["BuildMetaData"]);
    }

    [Fact]
    public void The_indexer_rejects_an_unknown_name_with_the_closest_ones()
    {
        var variables = Variables(Result(Version(1, 0, 0)));

        var exception = Assert.Throws<KeyNotFoundException>(() => variables["SemVr"]);

        Assert.Equal("There is no version variable 'SemVr'. Did you mean SemVer?", exception.Message);
    }

    [Fact]
    public void TryGetValue_tells_a_null_value_from_an_unknown_name()
    {
        var variables = Variables(Result(Version(1, 0, 0)));

        Assert.True(variables.TryGetValue("PreReleaseNumber", out var number));
        Assert.Null(number);
        Assert.False(variables.TryGetValue("NuGetVersion", out _));
    }

    [Fact]
    public void ToMSBuildProperties_stamps_assembly_file_informational_and_package_versions()
    {
        var variables = Variables(Result(Version(2, 0, 0, "beta", 1), branch: "release/2.0.0", buildMetaData: 3));

        var properties = variables.ToMSBuildProperties();

        Assert.Equal("2.0.0.0", properties["AssemblyVersion"]);
        Assert.Equal("2.0.0.0", properties["FileVersion"]);
        Assert.Equal($"2.0.0-beta.1+3.Branch.release-2.0.0.Sha.{Sha}", properties["InformationalVersion"]);
        Assert.Equal("2.0.0-beta.1", properties["Version"]);
        Assert.Equal("2.0.0-beta.1", properties["PackageVersion"]);
        Assert.Equal("false", properties["IncludeSourceRevisionInInformationalVersion"]);
    }

    [Fact]
    public void ToMSBuildProperties_leaves_out_an_assembly_version_whose_scheme_is_None()
    {
        var configuration = new GitVersionConfiguration
        {
            AssemblyVersioningScheme = AssemblyVersioningScheme.None,
            AssemblyFileVersioningScheme = AssemblyVersioningScheme.None,
        };

        var properties = Variables(Result(Version(1, 0, 0), configuration: configuration)).ToMSBuildProperties();

        Assert.DoesNotContain("AssemblyVersion", properties.Keys);
        Assert.DoesNotContain("FileVersion", properties.Keys);
    }

    internal static SemanticVersion Version(long major, long minor, long patch, string? label = null, long? number = null) =>
        new(major, minor, patch, new PreReleaseTag(label ?? string.Empty, number));

    internal static VersionResult Result(
        SemanticVersion version,
        string branch = "main",
        long? buildMetaData = null,
        long commits = 3,
        int preReleaseWeight = 55000,
        DateTimeOffset? commitDate = null,
        GitVersionConfiguration? configuration = null) =>
        new()
        {
            Version = version,
            BuildMetaData = buildMetaData,
            BranchName = branch,
            Sha = Sha,
            CommitDate = commitDate ?? new DateTimeOffset(2024, 3, 1, 12, 0, 0, TimeSpan.Zero),
            VersionSourceSha = "fedcba9876543210fedcba9876543210fedcba98",
            CommitsSinceVersionSource = commits,
            VersionSourceSemVer = Version(1, 0, 0),
            VersionSourceIncrement = IncrementStrategy.Patch,
            PreReleaseWeight = preReleaseWeight,
            UncommittedChanges = 0,
            Configuration = configuration ?? new GitVersionConfiguration(),
        };

    private static VersionVariables Variables(VersionResult result) => VersionVariables.From(result, new Dictionary<string, string>());
}
