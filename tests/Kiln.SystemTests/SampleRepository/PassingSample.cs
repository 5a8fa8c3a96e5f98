namespace Kiln.SystemTests.SampleRepository;

/// <summary>The sample repository as it is: three unit tests, all passing.</summary>
public sealed class PassingSample() : SampleRepositoryFixture;
