using Kiln.IntegrationTests.Versioning.Examples;
using Kiln.Versioning;

namespace Kiln.IntegrationTests.Versioning;

/// <summary>Every history in gitversion-examples.md gives the FullSemVer GitVersion 6.x gives at each expectation.</summary>
public sealed class GitVersionExampleTests
{
    private static readonly Dictionary<string, string> NoCiEnvironment = [];

    public static TheoryData<ExampleCheckpoint> Checkpoints()
    {
        var data = new TheoryData<ExampleCheckpoint>();
        foreach (var checkpoint in ExampleCatalog.Checkpoints)
        {
            data.Add(checkpoint);
        }

        return data;
    }

    [Fact]
    public void The_catalog_holds_every_expectation_of_the_examples()
    {
        Assert.Equal(52, ExampleCatalog.Checkpoints.Count);
        Assert.Equal(["S01", "S02", "S03", "S06", "S11", "S14", "S18", "S21", "S24", "S27"], ExampleCatalog.Checkpoints.Select(checkpoint => checkpoint.Scenario).Distinct());
    }

    [Theory]
    [MemberData(nameof(Checkpoints))]
    public async Task History_gives_the_FullSemVer_GitVersion_gives(ExampleCheckpoint checkpoint)
    {
        using var repository = new ScratchRepository();
        await repository.RunScriptAsync(checkpoint.Script);

        var variables = await GitVersion.CalculateAsync(repository.Folder, environment: NoCiEnvironment);

        Assert.Equal(checkpoint.ExpectedFullSemVer, variables.FullSemVer);
    }
}
