namespace Kiln.IntegrationTests.Versioning.Examples;

/// <summary>
/// One "# expect FullSemVer: X" line of gitversion-examples.md: the script that builds the history up to it,
/// and the FullSemVer GitVersion itself computes there.
/// </summary>
public sealed record ExampleCheckpoint(string Scenario, int Block, int Number, string Script, string ExpectedFullSemVer)
{
    /// <summary>Names the case in test output: "S18 block 1, expectation 7: 1.2.1-4".</summary>
    public override string ToString() => $"{Scenario} block {Block}, expectation {Number}: {ExpectedFullSemVer}";
}
