using Kiln.Components;

namespace Kiln.UnitTests.Components;

/// <summary>The Version target of IHazGitVersion, as a user sees it fail.</summary>
[Collection("Build runs")]
public sealed class GitVersionComponentTests : IDisposable
{
    private readonly TemporaryRoot root = new();

    public void Dispose() => root.Dispose();

    [Fact]
    public async Task Version_outside_a_git_repository_fails_with_the_versioning_message_alone_not_an_exception_type()
    {
        var run = await root.RunAsync(new VersionedBuild(), ["Version"]);

        Assert.Equal(1, run.ExitCode);
        var error = Assert.Single(run.Lines, line => line.Contains("git", StringComparison.Ordinal) && !line.Contains('│') && !line.StartsWith("Version ", StringComparison.Ordinal));
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
    }

    private sealed class VersionedBuild : KilnBuild, IHazGitVersion;
}
