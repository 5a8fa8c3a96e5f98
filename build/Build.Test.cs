using Kiln;
using Kiln.Components;
using Kiln.Services;
using Kiln.Tooling;

/// <summary>
/// The test tiers (IUnitTest, IIntegrationTest, ISystemTest, with IReportCoverage): what this repository's tests need
/// beyond the components' defaults.
/// </summary>
partial class Build
{
    // A system test's fixture builds whole repositories (the rehearsal runs every job of ci.yml, Publish runs twice),
    // and the first test of its class waits for it: on two busy cores that is longer than ten minutes.
    [Parameter("How long one system test, with its fixture, may run (hh:mm:ss) before it fails as hung.")]
    readonly TimeSpan SystemTestHangTimeout = TimeSpan.FromMinutes(60);

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

    public DotNetTestSettings SystemTestSettings(DotNetTestSettings settings) => settings with
    {
        // Inside a rehearsal, the system-test job must not start another rehearsal, nor repeat the template tests the
        // surrounding run has (they add minutes to a rehearsal that must fit its limit).
        Filter = Environment.GetEnvironmentVariable("KILN_REHEARSAL") == "1" ? "Category!=Rehearsal&Category!=Template" : null,
        BlameHangTimeout = SystemTestHangTimeout,
    };
}
