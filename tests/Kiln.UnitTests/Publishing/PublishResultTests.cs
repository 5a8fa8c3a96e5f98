using Kiln.Publishing;

namespace Kiln.UnitTests.Publishing;

public sealed class PublishResultTests
{
    [Fact]
    public void Summarize_counts_the_published_and_the_already_published_packages_for_the_summary_note()
    {
        PublishResult[] results =
        [
            new(new("Kiln", "1.2.0"), PublishOutcome.Published),
            new(new("Kiln.Versioning", "1.2.0"), PublishOutcome.Published),
            new(new("Kiln.Components", "1.2.0"), PublishOutcome.Published),
            new(new("Kiln.Versioning.Tool", "1.2.0"), PublishOutcome.AlreadyPublished),
        ];

        Assert.Equal("3 published, 1 already published", PublishResult.Summarize(results));
    }
}
