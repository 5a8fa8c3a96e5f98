namespace Kiln.SystemTests.Publishing;

/// <summary>
/// The tests that use what one Publish of this checkout wrote (its packages and feed): they share a single
/// <see cref="PublishedCheckout"/>, so Publish, which takes minutes, runs once for all of them.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedPublish : ICollectionFixture<PublishedCheckout>
{
    public const string Name = "Published";
}
