namespace Kiln.SystemTests.SampleRepository;

/// <summary>
/// The test classes that look at the sample repository's day (<see cref="SampleRepositoryFixture"/>): they share one
/// repository, so its build and solution compile once for all of them.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedSampleRepository : ICollectionFixture<SampleRepositoryFixture>
{
    public const string Name = "Sample repository";
}
