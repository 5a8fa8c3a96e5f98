using Kiln.Components;
using Kiln.Services;
using Kiln.Tooling;

/// <summary>
/// The test tiers (IUnitTest, IIntegrationTest, ISystemTest, with IReportCoverage): what this repository's tests need
/// beyond the components' defaults.
/// </summary>
partial class Build
{
    /// <summary>
    /// The workflow tests validate with real validators from npm, and the storage tests talk to a real Azurite (Blob
    /// service), both pinned in build/node. Azurite stops when the tests end, pass or fail, or on Ctrl-C.
    /// </summary>
    public async Task<TestServices> StartIntegrationTestServicesAsync(CancellationToken cancellationToken)
    {
        var nodeTools = await NodePackages.EnsureInstalledAsync(RootDirectory / "build" / "node", TemporaryDirectory / "node", cancellationToken);
        var azurite = await Azurite.StartAsync(nodeTools, cancellationToken);
        return new TestServices(
            new Dictionary<string, string?>
            {
                ["KILN_NODE_TOOLS"] = nodeTools,
                ["KILN_AZURITE_BLOB_ENDPOINT"] = azurite.BlobEndpoint.AbsoluteUri,
                ["KILN_AZURITE_CONNECTION_STRING"] = azurite.ConnectionString,
            },
            azurite);
    }
}
