using Kiln;
using Kiln.Components;

/// <summary>
/// Kiln builds itself from the standard components: restore, version, compile, the test tiers with coverage, scan, pack
/// (the default), publish and deploy. What is particular to this repository overrides single members, one file per
/// concern: Build.Test.cs (Azurite for the integration tests), Build.Scan.cs (license
/// exceptions), Build.Deploy.cs (the environments and the release workflow's deploy jobs), Build.CI.cs (the workflows).
/// </summary>
partial class Build : KilnBuild,
    IRestore,
    IHazGitVersion,
    ICompile,
    IUnitTest,
    IIntegrationTest,
    ISystemTest,
    IReportCoverage,
    IScan,
    IPack,
    IPublish,
    IDeploy,
    IReport
{
    public static int Main() => Execute<Build>(x => x.From<IPack>().Pack);
}
