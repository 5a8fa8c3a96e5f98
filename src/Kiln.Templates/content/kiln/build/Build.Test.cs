using Kiln.Components;

/// <summary>
/// The test tiers: each runs the test projects its patterns select and is a CI job of its own; Test adds up their
/// counts and merges their coverage (IReportCoverage) into artifacts/coverage. By default a tier takes the projects
/// right under tests/ or test/ named for it (UnitTest: *.Tests, *.UnitTests, *.Specs, ...; IntegrationTest:
/// *.IntegrationTests, ...; SystemTest: *.SystemTests, ...), and a tier that finds none is left out of the build and its
/// workflows (./build.sh --help says so). To name a tier's projects: string[] IUnitTest.UnitTestProjects => ["..."];
/// IntegrationTest starts the services its tests need in StartIntegrationTestServicesAsync.
/// </summary>
partial class Build : IUnitTest, IIntegrationTest, ISystemTest
{
//#if (unitTests != "")
    string[] IUnitTest.UnitTestProjects => ["KILN_UNIT_TEST_PROJECTS"];
//#endif
//#if (integrationTests != "")
    string[] IIntegrationTest.IntegrationTestProjects => ["KILN_INTEGRATION_TEST_PROJECTS"];
//#endif
//#if (systemTests != "")
    string[] ISystemTest.SystemTestProjects => ["KILN_SYSTEM_TEST_PROJECTS"];
//#endif
}
