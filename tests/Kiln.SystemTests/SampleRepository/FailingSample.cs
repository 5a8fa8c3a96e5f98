namespace Kiln.SystemTests.SampleRepository;

/// <summary>The sample repository with a fourth unit test whose expectation is wrong (Templates/FailingTest).</summary>
public sealed class FailingSample() : SampleRepositoryFixture("FailingTest");
