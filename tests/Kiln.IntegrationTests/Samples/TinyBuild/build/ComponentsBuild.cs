using Kiln;
using Kiln.Components;

/// <summary>
/// The sample's second build, run when TINY_BUILD is "components": the standard components as this repository's build
/// uses them, with nothing of its own, so that the start-up test sees what --help loads for them. It leaves out IScan and
/// IDeploy, whose parameters are typed by their packages (ScanCategory, DeployEnvironment), so load them for --help.
/// </summary>
class ComponentsBuild : KilnBuild,
    IRestore,
    IHazGitVersion,
    ICompile,
    IUnitTest,
    IIntegrationTest,
    ISystemTest,
    IReportCoverage,
    IPack,
    IPublish,
    IReport
{
    public static int Run() => Execute<ComponentsBuild>(x => x.From<IPack>().Pack);
}
