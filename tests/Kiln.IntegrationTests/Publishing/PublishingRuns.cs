namespace Kiln.IntegrationTests.Publishing;

/// <summary>The publishing tests that share the packed <see cref="SamplePackages"/>; they run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class PublishingRuns : ICollectionFixture<SamplePackages>
{
    public const string Name = "Publishing";
}
