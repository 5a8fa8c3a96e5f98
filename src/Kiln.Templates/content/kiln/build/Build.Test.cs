using Kiln.Components;

// The test tiers: each runs the test projects its pattern selects (globs from the root) and is a CI job of its own;
// Test adds up their counts and merges their coverage (IReportCoverage) into artifacts/coverage.
//#if (unitTests != "")

/// <summary>UnitTest: tests that start no processes and reach no network.</summary>
partial class Build : IUnitTest
{
    public string[] UnitTestProjects => ["KILN_UNIT_TEST_PROJECTS"];
}
//#endif
//#if (integrationTests != "")

/// <summary>IntegrationTest: tests with real processes and services (start them in StartIntegrationTestServicesAsync).</summary>
partial class Build : IIntegrationTest
{
    public string[] IntegrationTestProjects => ["KILN_INTEGRATION_TEST_PROJECTS"];
}
//#endif
//#if (systemTests != "")

/// <summary>SystemTest: tests that drive the whole product end to end.</summary>
partial class Build : ISystemTest
{
    public string[] SystemTestProjects => ["KILN_SYSTEM_TEST_PROJECTS"];
}
//#endif
