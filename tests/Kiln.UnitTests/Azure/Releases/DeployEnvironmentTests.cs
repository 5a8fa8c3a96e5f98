using Kiln.Azure.Releases;

namespace Kiln.UnitTests.Azure.Releases;

public sealed class DeployEnvironmentTests
{
    private static readonly string[] ReleaseRefs = ["refs/heads/main", "refs/heads/release/*", "refs/tags/v*"];

    private static readonly DeployEnvironment Development = new("development", "kiln-preview", "kiln/", ["*"], "development");

    private static readonly DeployEnvironment Staging = new("staging", "kiln-releases", "kiln/", ReleaseRefs, "staging");

    private static readonly DeployEnvironment Production = new("production", "kiln-releases", "kiln/", ["refs/tags/v*"], "production") { RefusesLocalDeploys = true };

    [Theory]
    [InlineData("refs/heads/main", true)]
    [InlineData("refs/heads/release/1.2", true)]
    [InlineData("refs/tags/v1.2.0", true)]
    [InlineData("refs/heads/develop", false)]
    [InlineData("refs/heads/feature/x", false)]
    [InlineData("refs/heads/mainline", false)]
    [InlineData("refs/tags/1.2.0", false)]
    [InlineData("refs/pull/4/merge", false)]
    [InlineData("HEAD", false)]
    [InlineData("refs/tags/v", false)]
    public void Staging_takes_main_release_branches_and_v_tags(string gitRef, bool allowed) =>
        Assert.Equal(allowed, Staging.Allows(gitRef));

    [Theory]
    [InlineData("refs/tags/v1.2.0", true)]
    [InlineData("refs/heads/main", false)]
    [InlineData("refs/heads/release/1.2", false)]
    public void Production_takes_v_tags_only(string gitRef, bool allowed) =>
        Assert.Equal(allowed, Production.Allows(gitRef));

    [Theory]
    [InlineData("refs/heads/feature/x")]
    [InlineData("HEAD")]
    [InlineData("refs/pull/4/merge")]
    public void Development_takes_any_ref(string gitRef) => Assert.True(Development.Allows(gitRef));

    [Fact]
    public void A_ref_the_environment_does_not_take_is_refused_in_one_line_that_names_what_it_takes()
    {
        var refusal = Staging.Refusal("refs/heads/feature/x", isLocalBuild: false, allowLocalProduction: false);

        Assert.Equal("'staging' does not take refs/heads/feature/x: it takes refs/heads/main, refs/heads/release/*, refs/tags/v*; deploy from one of those (or to development, which takes any ref).", refusal);
    }

    [Fact]
    public void Production_from_a_local_machine_is_refused_without_consent()
    {
        var refusal = Production.Refusal("refs/tags/v1.0.0", isLocalBuild: true, allowLocalProduction: false);

        Assert.NotNull(refusal);
        Assert.Contains("--allow-local-production", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refusal);
        Assert.Null(Production.Refusal("refs/tags/v1.0.0", isLocalBuild: true, allowLocalProduction: true));
        Assert.Null(Production.Refusal("refs/tags/v1.0.0", isLocalBuild: false, allowLocalProduction: false));
    }

    [Fact]
    public void Consent_does_not_lift_the_ref_rule() =>
        Assert.Contains("does not take", Production.Refusal("refs/heads/main", isLocalBuild: true, allowLocalProduction: true), StringComparison.Ordinal);

    [Theory]
    [InlineData("refs/tags/v1.0.0", "main", "v1.0.0", "refs/tags/v1.0.0")]
    [InlineData(null, "develop", "v1.0.0", "refs/heads/develop")]
    [InlineData("", null, "v1.0.0", "refs/tags/v1.0.0")]
    [InlineData(null, null, null, "HEAD")]
    public void The_ref_is_GITHUB_REF_on_CI_else_the_branch_else_a_tag_at_HEAD(string? githubRef, string? branch, string? tag, string expected) =>
        Assert.Equal(expected, GitRefPattern.Resolve(githubRef, branch, tag));
}
