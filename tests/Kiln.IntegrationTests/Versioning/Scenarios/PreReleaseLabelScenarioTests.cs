using System.Globalization;

namespace Kiln.IntegrationTests.Versioning.Scenarios;

/// <summary>
/// GitVersion 6.x's OtherScenarios on pre-release tags of other labels (EnsurePreReleaseTagLabel...): main in
/// ManualDeployment under GitHubFlow/v1 with no label, an empty one, or alpha, beta or gamma, through a cycle of alpha
/// and beta tags up to the release and one commit past it.
/// </summary>
public sealed class PreReleaseLabelScenarioTests
{
    [Theory]
    [InlineData(null, 1)]
    [InlineData(null, 2)]
    [InlineData(null, 3)]
    [InlineData("1.0.0", 1)]
    [InlineData("1.0.0", 2)]
    [InlineData("1.0.0", 3)]
    public async Task Without_a_label_a_pre_release_tag_of_any_label_is_counted_on(string? initialTag, int patch)
    {
        var (minor, next) = Versions(initialTag, patch);
        var versions = await CycleAsync(MainWithLabel("~", globalLabel: "~"), initialTag, minor, patch);

        Assert.Equal(
            [$"{minor}.1-1+1", $"{minor}.{patch}-alpha.1", $"{minor}.{patch}-alpha.2+1", $"{minor}.{patch}-alpha.2+2", $"{minor}.{patch}-beta.1",
             $"{minor}.{patch}-beta.2+1", $"{minor}.{patch}-beta.2", $"{minor}.{patch}-beta.3+1", $"{minor}.{patch}", $"{next}-1+1"],
            versions);
    }

    [Theory]
    [InlineData(null, 1)]
    [InlineData(null, 2)]
    [InlineData(null, 3)]
    [InlineData("1.0.0", 1)]
    [InlineData("1.0.0", 2)]
    [InlineData("1.0.0", 3)]
    public async Task With_an_empty_label_pre_release_tags_only_raise_the_version_and_commits_are_counted_from_the_start(string? initialTag, int patch)
    {
        var (minor, next) = Versions(initialTag, patch);
        var versions = await CycleAsync(MainWithLabel("''"), initialTag, minor, patch);

        Assert.Equal(
            [$"{minor}.1-1+1", $"{minor}.{patch}-1+1", $"{minor}.{patch}-1+2", $"{minor}.{patch}-1+3", $"{minor}.{patch}-1+4",
             $"{minor}.{patch}-1+5", $"{minor}.{patch}-1+6", $"{minor}.{patch}-1+7", $"{minor}.{patch}", $"{next}-1+1"],
            versions);
    }

    [Theory]
    [InlineData(null, 1)]
    [InlineData(null, 2)]
    [InlineData(null, 3)]
    [InlineData("1.0.0", 1)]
    [InlineData("1.0.0", 2)]
    [InlineData("1.0.0", 3)]
    public async Task With_the_alpha_label_alpha_tags_are_counted_on_and_beta_tags_are_passed(string? initialTag, int patch)
    {
        var (minor, next) = Versions(initialTag, patch);
        var versions = await CycleAsync(MainWithLabel("alpha", globalLabel: "~"), initialTag, minor, patch);

        Assert.Equal(
            [$"{minor}.1-alpha.1+1", $"{minor}.{patch}-alpha.1", $"{minor}.{patch}-alpha.2+1", $"{minor}.{patch}-alpha.2+2", $"{minor}.{patch}-alpha.2+3",
             $"{minor}.{patch}-alpha.2+4", $"{minor}.{patch}-alpha.2+5", $"{minor}.{patch}-alpha.2+6", $"{minor}.{patch}", $"{next}-alpha.1+1"],
            versions);
    }

    [Theory]
    [InlineData(null, 1)]
    [InlineData(null, 2)]
    [InlineData(null, 3)]
    [InlineData("1.0.0", 1)]
    [InlineData("1.0.0", 2)]
    [InlineData("1.0.0", 3)]
    public async Task With_the_beta_label_alpha_tags_only_raise_the_version_and_beta_tags_are_counted_on(string? initialTag, int patch)
    {
        var (minor, next) = Versions(initialTag, patch);
        var versions = await CycleAsync(MainWithLabel("beta"), initialTag, minor, patch);

        Assert.Equal(
            [$"{minor}.1-beta.1+1", $"{minor}.{patch}-beta.1+1", $"{minor}.{patch}-beta.1+2", $"{minor}.{patch}-beta.1+3", $"{minor}.{patch}-beta.1",
             $"{minor}.{patch}-beta.2+1", $"{minor}.{patch}-beta.2", $"{minor}.{patch}-beta.3+1", $"{minor}.{patch}", $"{next}-beta.1+1"],
            versions);
    }

    [Theory]
    [InlineData(null, 1)]
    [InlineData(null, 2)]
    [InlineData(null, 3)]
    [InlineData("1.0.0", 1)]
    [InlineData("1.0.0", 2)]
    [InlineData("1.0.0", 3)]
    public async Task With_a_label_no_tag_carries_pre_release_tags_only_raise_the_version(string? initialTag, int patch)
    {
        var (minor, next) = Versions(initialTag, patch);
        var versions = await CycleAsync(MainWithLabel("gamma"), initialTag, minor, patch);

        Assert.Equal(
            [$"{minor}.1-gamma.1+1", $"{minor}.{patch}-gamma.1+1", $"{minor}.{patch}-gamma.1+2", $"{minor}.{patch}-gamma.1+3", $"{minor}.{patch}-gamma.1+4",
             $"{minor}.{patch}-gamma.1+5", $"{minor}.{patch}-gamma.1+6", $"{minor}.{patch}-gamma.1+7", $"{minor}.{patch}", $"{next}-gamma.1+1"],
            versions);
    }

    private static string MainWithLabel(string label, string? globalLabel = null) =>
        (globalLabel is null ? string.Empty : $"label: {globalLabel}\n") + $"""
            workflow: GitHubFlow/v1
            branches:
              main:
                mode: ManualDeployment
                label: {label}
                increment: Patch

            """;

    /// <summary>The M.m of the cycle's versions (0.0 from scratch, 1.0 after a 1.0.0 tag) and the version past the release.</summary>
    private static (string Minor, string Next) Versions(string? initialTag, int patch) =>
        (initialTag is null ? "0.0" : "1.0", string.Create(CultureInfo.InvariantCulture, $"{(initialTag is null ? "0.0" : "1.0")}.{patch + 1}"));

    /// <summary>
    /// A commit (after the initial tag, if any); an alpha.1 tag on it; two commits; a commit tagged beta.1; a commit; a
    /// commit tagged beta.2; a commit; the release tag on it; a commit. Returns FullSemVer after each of those ten steps.
    /// </summary>
    private static async Task<List<string>> CycleAsync(string configuration, string? initialTag, string minor, int patch)
    {
        using var repository = await ScenarioRepository.InitAsync();
        var versions = new List<string>();
        async Task Record() => versions.Add((await repository.VersionAsync(configuration)).FullSemVer);

        if (initialTag is not null)
        {
            await repository.MakeATaggedCommitAsync(initialTag);
        }

        var version = string.Create(CultureInfo.InvariantCulture, $"{minor}.{patch}");
        await repository.MakeACommitAsync();
        await Record();
        await repository.ApplyTagAsync($"{version}-alpha.1");
        await Record();
        await repository.MakeACommitAsync();
        await Record();
        await repository.MakeACommitAsync();
        await Record();
        await repository.MakeATaggedCommitAsync($"{version}-beta.1");
        await Record();
        await repository.MakeACommitAsync();
        await Record();
        await repository.MakeATaggedCommitAsync($"{version}-beta.2");
        await Record();
        await repository.MakeACommitAsync();
        await Record();
        await repository.ApplyTagAsync(version);
        await Record();
        await repository.MakeACommitAsync();
        await Record();
        return versions;
    }
}
