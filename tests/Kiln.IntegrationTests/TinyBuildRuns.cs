namespace Kiln.IntegrationTests;

/// <summary>
/// The tests that run the sample build. One collection, so the sample compiles once and its runs never
/// overlap (they share the sample's files).
/// </summary>
[CollectionDefinition(Name)]
public sealed class TinyBuildRuns : ICollectionFixture<TinyBuildFixture>
{
    public const string Name = "TinyBuild";
}
