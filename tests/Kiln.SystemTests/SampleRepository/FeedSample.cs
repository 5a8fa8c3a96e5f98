namespace Kiln.SystemTests.SampleRepository;

/// <summary>The sample repository with a build that restores Kiln.Components from a feed, at a version, rather than referencing this checkout.</summary>
/// <param name="feed">The folder feed Publish wrote.</param>
/// <param name="version">The version of Kiln in it.</param>
public sealed class FeedSample(string feed, string version) : SampleRepositoryFixture("FromFeed")
{
    protected override IReadOnlyDictionary<string, string> Placeholders =>
        new Dictionary<string, string>(StringComparer.Ordinal) { ["@KILN_FEED@"] = feed, ["@KILN_VERSION@"] = version };
}
